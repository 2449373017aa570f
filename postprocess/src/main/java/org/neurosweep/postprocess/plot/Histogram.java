package org.neurosweep.postprocess.plot;

import java.awt.Color;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Bars over bins the caller chose (equal on a log axis for an ISI distribution that spans decades),
 * with an optional labelled reference line, e.g. "CV = 1 (Poisson)". The count axis starts at 0.
 */
public final class Histogram {
    /** The size of a figure made by {@link #figure}, in CSS pixels. */
    public static final double WIDTH = 720;
    public static final double HEIGHT = 440;
    private static final Color BARS = new Color(0x4c, 0x78, 0xa8);

    private Histogram() {
    }

    /**
     * A histogram panel.
     *
     * @param edges     the bin edges, n + 1 of them, finite and ascending (above 0 for a log axis)
     * @param counts    the n counts (or densities), finite and not negative
     * @param xTitle    the x axis title with its unit, e.g. "inter-spike interval (ms)"
     * @param yTitle    the y axis title, e.g. "number of intervals"
     * @param logX      a logarithmic x axis
     * @param reference a labelled vertical line; {@code null} for none
     * @throws IllegalArgumentException if the bins are not as described
     */
    public static Panel panel(double[] edges, double[] counts, String xTitle, String yTitle, boolean logX,
            Reference reference) {
        Objects.requireNonNull(xTitle, "xTitle");
        Objects.requireNonNull(yTitle, "yTitle");
        if (counts.length == 0 || edges.length != counts.length + 1) {
            throw new IllegalArgumentException("a histogram needs n >= 1 counts and n + 1 bin edges, not " + counts.length
                    + " counts and " + edges.length + " edges");
        }
        for (int i = 0; i < edges.length; i++) {
            if (!Double.isFinite(edges[i]) || (i > 0 && edges[i] <= edges[i - 1]) || (logX && edges[i] <= 0)) {
                throw new IllegalArgumentException("bin edges must be finite, ascending" + (logX ? " and above 0 on a log"
                        + " axis" : "") + ": " + Arrays.toString(edges));
            }
        }
        double max = 0;
        double total = 0;
        for (double c : counts) {
            if (!Double.isFinite(c) || c < 0) {
                throw new IllegalArgumentException("counts must be finite and not negative: " + Arrays.toString(counts));
            }
            max = Math.max(max, c);
            total += c;
        }
        double lo = edges[0];
        double hi = edges[edges.length - 1];
        if (reference != null && (!logX || reference.x() > 0)) {
            lo = Math.min(lo, reference.x());
            hi = Math.max(hi, reference.x());
        }
        Scale x = logX ? Scale.log(lo, hi) : Scale.linear(lo, hi);
        if (reference != null && (reference.x() <= edges[0] || reference.x() >= edges[edges.length - 1])) {
            x = XYPanel.padded(x, 0.03); // so a line at the very end is not hidden under the frame
        }
        Scale y = Scale.linear(0, max > 0 ? max * 1.15 : 1).nice();
        String description = "Histogram of " + xTitle + " in " + counts.length + " bins from " + Format.sig3(edges[0])
                + " to " + Format.sig3(edges[edges.length - 1]) + (logX ? " (log axis)" : "") + ", " + Format.sig3(total)
                + " in all" + (reference == null ? "." : "; a line marks " + reference.label() + " at "
                        + Format.sig3(reference.x()) + ".");
        return new XYPanel(x, xTitle, y, yTitle, List.of(), new XYPanel.Bars(edges.clone(), counts.clone(), BARS),
                reference, null, description);
    }

    /** A {@link #WIDTH} × {@link #HEIGHT} figure of one {@link #panel}. */
    public static Figure figure(String title, double[] edges, double[] counts, String xTitle, String yTitle, boolean logX,
            Reference reference) {
        return Figure.of(title, WIDTH, HEIGHT, panel(edges, counts, xTitle, yTitle, logX, reference));
    }
}
