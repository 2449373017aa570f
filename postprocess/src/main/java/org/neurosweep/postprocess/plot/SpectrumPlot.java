package org.neurosweep.postprocess.plot;

import java.util.List;
import java.util.Objects;

/**
 * A power spectrum: frequency (Hz, linear) against power on a log axis (values at or below 0 have no
 * place there and break the line), with the peak marked and labelled "peak 183 Hz".
 */
public final class SpectrumPlot {
    /** The size of a figure made by {@link #figure}, in CSS pixels. */
    public static final double WIDTH = 720;
    public static final double HEIGHT = 440;

    private SpectrumPlot() {
    }

    /** A spectrum panel whose peak is the largest power above 0 Hz. */
    public static Panel panel(double[] frequencyHz, double[] power, String powerTitle) {
        return panel(frequencyHz, power, powerTitle, Double.NaN);
    }

    /**
     * A spectrum panel.
     *
     * @param frequencyHz the frequencies in Hz, finite and ascending
     * @param power       the power at each
     * @param powerTitle  the power axis title with its unit, e.g. "power (Hz²/Hz)"
     * @param peakHz      the frequency to mark as the peak; NaN for the one with the largest power above 0 Hz
     * @throws IllegalArgumentException if the arrays differ in length or are empty, or the frequencies are
     *                                  not finite and ascending
     */
    public static Panel panel(double[] frequencyHz, double[] power, String powerTitle, double peakHz) {
        Objects.requireNonNull(powerTitle, "powerTitle");
        int n = frequencyHz.length;
        if (n == 0 || power.length != n) {
            throw new IllegalArgumentException("a spectrum needs as many powers as frequencies, at least one: " + n
                    + " frequencies, " + power.length + " powers");
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(frequencyHz[i]) || (i > 0 && frequencyHz[i] <= frequencyHz[i - 1])) {
                throw new IllegalArgumentException("frequencies must be finite and ascending; the one at " + i + " is "
                        + frequencyHz[i]);
            }
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int peak = -1;
        for (int i = 0; i < n; i++) {
            double p = power[i];
            if (p > 0 && Double.isFinite(p)) {
                min = Math.min(min, p);
                max = Math.max(max, p);
                boolean candidate = Double.isNaN(peakHz) ? frequencyHz[i] > 0 && (peak < 0 || p > power[peak])
                        : peak < 0 || Math.abs(frequencyHz[i] - peakHz) < Math.abs(frequencyHz[peak] - peakHz);
                if (candidate) {
                    peak = i;
                }
            }
        }
        Scale y = min <= max ? XYPanel.padded(Scale.log(min, max), 0.08).nice() : Scale.linear(0, 1);
        Scale x = Scale.linear(frequencyHz[0], frequencyHz[n - 1]);
        XYPanel.Point mark = peak < 0 ? null
                : new XYPanel.Point(frequencyHz[peak], power[peak], "peak " + Format.sig3(frequencyHz[peak]) + " Hz");
        String description = "Power spectrum from " + Format.sig3(frequencyHz[0]) + " to " + Format.sig3(frequencyHz[n - 1])
                + " Hz, log power axis" + (mark == null ? ", no positive power." : "; " + mark.label() + ".");
        return new XYPanel(x, "frequency (Hz)", y, powerTitle,
                List.of(new XYPanel.Series(frequencyHz.clone(), power.clone(), null, XYPanel.BLUE, false)), null, null,
                mark, description);
    }

    /** A {@link #WIDTH} × {@link #HEIGHT} figure of one {@link #panel}, peak found. */
    public static Figure figure(String title, double[] frequencyHz, double[] power, String powerTitle) {
        return Figure.of(title, WIDTH, HEIGHT, panel(frequencyHz, power, powerTitle));
    }
}
