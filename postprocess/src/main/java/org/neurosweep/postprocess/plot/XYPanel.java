package org.neurosweep.postprocess.plot;

import java.awt.Color;
import java.util.List;

/**
 * The x-y chart that {@link LinePlot}, {@link Histogram} and {@link SpectrumPlot} are made of: bars, a
 * line with optional error bars and markers, an optional labelled reference line and an optional
 * labelled point, over light grid lines, clipped to the plot box.
 */
final class XYPanel implements Panel {
    /** A line through (x, y), with error bars of ± err where err is given, and markers if asked for. */
    record Series(double[] x, double[] y, double[] err, Color colour, boolean markers) {
    }

    /** Bars over bins: edges has one more entry than counts. */
    record Bars(double[] edges, double[] counts, Color colour) {
    }

    /** A point to mark with a ring and label, e.g. a spectrum's peak. */
    record Point(double x, double y, String label) {
    }

    static final Color BLUE = new Color(0x1f, 0x5f, 0xbf);
    static final Color LABEL_BACKGROUND = new Color(255, 255, 255, 215);
    private static final double LABEL_SIZE = 11;
    private static final double MARKER = 3.5;
    private static final double CAP = 3;

    private final Scale xScale;
    private final Scale yScale;
    private final String xTitle;
    private final String yTitle;
    private final List<Series> series;
    private final Bars bars;
    private final Reference reference;
    private final Point point;
    private final String description;

    XYPanel(Scale xScale, String xTitle, Scale yScale, String yTitle, List<Series> series, Bars bars,
            Reference reference, Point point, String description) {
        this.xScale = xScale;
        this.yScale = yScale;
        this.xTitle = xTitle;
        this.yTitle = yTitle;
        this.series = List.copyOf(series);
        this.bars = bars;
        this.reference = reference;
        this.point = point;
        this.description = description;
    }

    @Override
    public String description() {
        return description;
    }

    /** {@code s} widened by {@code share} of its extent at each end (on a log scale, of its decades). */
    static Scale padded(Scale s, double share) {
        if (s.isLog()) {
            double factor = Math.pow(s.max() / s.min(), share);
            return Scale.log(s.min() / factor, s.max() * factor);
        }
        double pad = (s.max() - s.min()) * share;
        return Scale.linear(s.min() - pad, s.max() + pad);
    }

    @Override
    public void draw(Canvas canvas, Rect area) {
        Axes axes = Axes.layout(area, AxisSpec.of(xScale, xTitle), AxisSpec.of(yScale, yTitle), 0);
        Rect box = axes.box();
        axes.drawGrid(canvas);
        canvas.clip(box, () -> {
            if (bars != null) {
                drawBars(canvas, axes);
            }
            for (Series s : series) {
                drawSeries(canvas, axes, s);
            }
            if (reference != null) {
                double x = px(axes, reference.x());
                canvas.line(x, box.y(), x, box.bottom(), new Pen(new Color(0x33, 0x33, 0x33), 1.2, true));
            }
        });
        if (reference != null) {
            labelBeside(canvas, box, px(axes, reference.x()), reference.label());
        }
        if (point != null) {
            markPoint(canvas, axes, box);
        }
        axes.drawFrame(canvas);
    }

    private double px(Axes axes, double v) {
        return axes.x(xScale.fraction(v));
    }

    private double py(Axes axes, double v) {
        return axes.y(0, yScale.fraction(v));
    }

    private void drawBars(Canvas canvas, Axes axes) {
        double base = axes.box().bottom();
        for (int i = 0; i < bars.counts().length; i++) {
            double top = py(axes, bars.counts()[i]);
            if (bars.counts()[i] > 0 && Double.isFinite(top)) {
                canvas.rect(Rect.between(px(axes, bars.edges()[i]), base, px(axes, bars.edges()[i + 1]), top),
                        bars.colour(), Pen.of(Color.WHITE, 0.5));
            }
        }
    }

    private void drawSeries(Canvas canvas, Axes axes, Series s) {
        double[] xs = new double[s.x().length];
        double[] ys = new double[s.x().length];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = px(axes, s.x()[i]);
            ys[i] = py(axes, s.y()[i]);
        }
        if (s.err() != null) {
            Pen pen = Pen.of(s.colour(), 1.2);
            for (int i = 0; i < xs.length; i++) {
                double e = s.err()[i];
                if (Double.isFinite(xs[i]) && Double.isFinite(ys[i]) && e > 0) {
                    double hi = py(axes, s.y()[i] + e);
                    double lo = py(axes, s.y()[i] - e);
                    if (!Double.isFinite(lo)) { // below zero on a log axis: to the bottom edge
                        lo = axes.box().bottom() + 1;
                    }
                    canvas.line(xs[i], lo, xs[i], hi, pen);
                    canvas.line(xs[i] - CAP, hi, xs[i] + CAP, hi, pen);
                    canvas.line(xs[i] - CAP, lo, xs[i] + CAP, lo, pen);
                }
            }
        }
        canvas.polyline(xs, ys, Pen.of(s.colour(), 1.6));
        if (s.markers()) {
            for (int i = 0; i < xs.length; i++) {
                if (Double.isFinite(xs[i]) && Double.isFinite(ys[i])) {
                    canvas.circle(xs[i], ys[i], MARKER, s.colour(), Pen.of(Color.WHITE, 1));
                }
            }
        }
    }

    /** The label of a vertical line at x: at the top of the box, right of the line, or left if it fits better. */
    static void labelBeside(Canvas canvas, Rect box, double x, String label) {
        double right = box.right() - x - 6;
        double left = x - box.x() - 6;
        boolean after = TextMetrics.width(label, LABEL_SIZE, false) <= right || right >= left;
        String text = TextFit.ellipsize(label, LABEL_SIZE, false, Math.max(right, left));
        TextStyle style = TextStyle.of(LABEL_SIZE);
        double baseline = box.y() + 4 + TextMetrics.ascent(LABEL_SIZE);
        drawLabel(canvas, after ? x + 4 : x - 4, baseline, text, after ? style : style.end());
    }

    private void markPoint(Canvas canvas, Axes axes, Rect box) {
        double x = px(axes, point.x());
        double y = py(axes, point.y());
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            return;
        }
        canvas.circle(x, y, 5, null, Pen.of(new Color(0xd6, 0x27, 0x28), 1.5));
        String text = TextFit.ellipsize(point.label(), LABEL_SIZE, false, box.width() - 8);
        double w = TextMetrics.width(text, LABEL_SIZE, false);
        double middle = y + (TextMetrics.ascent(LABEL_SIZE) - TextMetrics.descent(LABEL_SIZE)) / 2;
        TextStyle style = TextStyle.of(LABEL_SIZE);
        // above the point, else beside it (right, then left), else below; the first that stays in the box
        double[][] places = {{x, y - 9 - TextMetrics.descent(LABEL_SIZE), 1}, {x + 9, middle, 0}, {x - 9, middle, 2},
            {x, y + 9 + TextMetrics.ascent(LABEL_SIZE), 1}};
        Rect inside = box.grow(-2);
        for (double[] p : places) {
            TextStyle placed = style.withAnchor(TextStyle.Anchor.values()[(int) p[2]]);
            if (placed.box(text, p[0], p[1]).within(inside, 0)) {
                drawLabel(canvas, p[0], p[1], text, placed);
                return;
            }
        }
        double cx = Math.max(box.x() + w / 2 + 4, Math.min(box.right() - w / 2 - 4, x));
        drawLabel(canvas, cx, places[3][1], text, style.middle());
    }

    /** Text on a light backing, so it reads over data. */
    static void drawLabel(Canvas canvas, double x, double baseline, String text, TextStyle style) {
        if (!text.isEmpty()) {
            canvas.rect(style.box(text, x, baseline).grow(1.5), LABEL_BACKGROUND, null);
            canvas.text(x, baseline, text, style);
        }
    }
}
