package org.neurosweep.postprocess.plot;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * A line of means against a parameter, with markers and optional error bars (± one standard
 * deviation). Each axis is {@link Scale#choose}n from its data: logarithmic when the values are all
 * positive and span a factor of 50 or more; the axes reach a little beyond the data to nice values.
 */
public final class LinePlot {
    /** The size of a figure made by {@link #figure}, in CSS pixels. */
    public static final double WIDTH = 720;
    public static final double HEIGHT = 480;

    private LinePlot() {
    }

    /**
     * A line-plot panel. Points with a NaN mean are left out (the line breaks there).
     *
     * @param x      the parameter values, finite
     * @param mean   the mean at each
     * @param std    the standard deviation at each, for error bars; {@code null} for none
     * @param xTitle the x axis title with its unit
     * @param yTitle the y axis title with its unit
     * @throws IllegalArgumentException if the arrays differ in length, are empty, or an x is not finite
     */
    public static Panel panel(double[] x, double[] mean, double[] std, String xTitle, String yTitle) {
        Objects.requireNonNull(xTitle, "xTitle");
        Objects.requireNonNull(yTitle, "yTitle");
        if (x.length == 0 || x.length != mean.length || (std != null && std.length != x.length)) {
            throw new IllegalArgumentException("a line plot needs as many means" + (std == null ? "" : " and stds")
                    + " as x values, at least one: " + x.length + " x, " + mean.length + " means"
                    + (std == null ? "" : ", " + std.length + " stds"));
        }
        if (Arrays.stream(x).anyMatch(v -> !Double.isFinite(v))) {
            throw new IllegalArgumentException("the x values must be finite: " + Arrays.toString(x));
        }
        int[] order = IntStream.range(0, x.length).boxed().sorted(Comparator.comparingDouble(i -> x[i]))
                .mapToInt(Integer::intValue).toArray();
        double[] xs = new double[x.length];
        double[] ys = new double[x.length];
        double[] err = std == null ? null : new double[x.length];
        for (int k = 0; k < order.length; k++) {
            xs[k] = x[order[k]];
            ys[k] = mean[order[k]];
            if (err != null) {
                err[k] = std[order[k]];
            }
        }
        Scale yChoice = Scale.choose(ys);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < ys.length; k++) {
            double e = err == null || !(err[k] > 0) || Double.isInfinite(err[k]) ? 0 : err[k];
            if (Double.isFinite(ys[k])) {
                lo = Math.min(lo, yChoice.isLog() && ys[k] - e <= 0 ? ys[k] : ys[k] - e);
                hi = Math.max(hi, ys[k] + e);
            }
        }
        Scale y = lo > hi ? yChoice : yChoice.isLog() ? Scale.log(lo, hi) : Scale.linear(lo, hi);
        Scale xScale = XYPanel.padded(Scale.choose(xs), 0.04).nice();
        Scale yScale = XYPanel.padded(y, 0.04).nice();
        long points = Arrays.stream(ys).filter(Double::isFinite).count();
        String description = "Line plot of " + yTitle + " against " + xTitle + (std == null ? "" : " with ± 1 std error bars")
                + ": " + points + " of " + x.length + " points have a value"
                + (lo <= hi ? ", from " + Format.sig3(yChoice.min()) + " to " + Format.sig3(yChoice.max()) : "")
                + (yScale.isLog() ? " (log scale)." : ".");
        return new XYPanel(xScale, xTitle, yScale, yTitle, List.of(new XYPanel.Series(xs, ys, err, XYPanel.BLUE, true)),
                null, null, null, description);
    }

    /** A {@link #WIDTH} × {@link #HEIGHT} figure of one {@link #panel}. */
    public static Figure figure(String title, double[] x, double[] mean, double[] std, String xTitle, String yTitle) {
        return Figure.of(title, WIDTH, HEIGHT, panel(x, mean, std, xTitle, yTitle));
    }
}
