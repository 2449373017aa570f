package org.neurosweep.postprocess.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The drawing behind {@link RasterPlot#panel}: raster box over rate box, header, caption. */
final class RasterPanel implements Panel {
    private static final double[] WEIGHTS = {0.68, 0.32};
    private static final double MARK_WIDTH = 1.5;
    private static final Color SEPARATOR = new Color(0xbb, 0xbb, 0xbb);
    private static final Color MARKER = new Color(0x33, 0x33, 0x33);
    private static final double HEADER_GAP = 6;

    private final List<RasterPlot.Group> groups;
    private final double t0;
    private final double t1;
    private final Reference marker;
    private final String caption;
    private final String description;
    private final int[][] rowsOf; // per group, its distinct senders ascending: a neuron's row is its index here

    RasterPanel(List<RasterPlot.Group> groups, double t0, double t1, Reference marker, String caption, String description) {
        this.groups = groups;
        this.t0 = t0;
        this.t1 = t1;
        this.marker = marker;
        this.caption = caption;
        this.description = description;
        rowsOf = new int[groups.size()][];
        for (int g = 0; g < groups.size(); g++) {
            rowsOf[g] = Arrays.stream(groups.get(g).senders()).distinct().sorted().toArray();
        }
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void draw(Canvas canvas, Rect area) {
        List<String> captionLines = TextFit.wrap(caption, Figure.CAPTION_SIZE, false, area.width(), 3);
        double captionHeight = captionLines.size() * TextMetrics.lineHeight(Figure.CAPTION_SIZE);
        List<Legend.Entry> entries = new ArrayList<>();
        for (RasterPlot.Group g : groups) {
            entries.add(new Legend.Entry(g.label() + (g.times().length == 0 ? " (no spikes)" : ""), g.colour(), null, false));
        }
        Scale time = Scale.linear(t0, t1);
        Scale rate = rateScale();
        AxisSpec x = AxisSpec.of(time, "time (ms)");
        List<AxisSpec> ys = List.of(rowAxis(), AxisSpec.of(rate, "rate (Hz)"));
        double row = Legend.rowHeight() + HEADER_GAP;
        int headerRows = 1;
        Axes axes = layout(area, x, ys, headerRows, captionHeight);
        Rect legend = legendBox(axes, area, entries);
        boolean marked = marker != null && time.fraction(marker.x()) >= 0 && time.fraction(marker.x()) <= 1;
        Rect label = marked ? markerLabel(axes, area) : null;
        if (label != null && label.union(markerLine(axes)).overlaps(legend, -HEADER_GAP)) {
            headerRows = 2;
            axes = layout(area, x, ys, headerRows, captionHeight);
            legend = legendBox(axes, area, entries);
            label = markerLabel(axes, area);
        }
        Legend.drawRow(canvas, entries, legend.x(), area.y() + Legend.rowHeight() / 2);
        Rect raster = axes.box(0);
        Rect rates = axes.box(1);
        Axes placed = axes;
        canvas.clip(raster, () -> drawSpikes(canvas, placed, time));
        canvas.clip(rates, () -> drawRates(canvas, placed, time, rate));
        if (Arrays.stream(rowsOf).allMatch(r -> r.length == 0)) {
            canvas.text(raster.centerX(), raster.centerY(), "no spikes", TextStyle.of(Legend.SIZE).middle()
                    .withColour(Legend.NOTE_COLOUR));
        }
        if (marked) {
            double mx = markerLine(axes).centerX();
            double rowTop = area.y() + (headerRows - 1) * row;
            canvas.line(mx, rowTop + 2, mx, rates.bottom(), new Pen(MARKER, 1.2, true));
            double baseline = rowTop + Legend.rowHeight() / 2
                    + (TextMetrics.ascent(Axes.TICK_SIZE) - TextMetrics.descent(Axes.TICK_SIZE)) / 2;
            TextStyle style = TextStyle.of(Axes.TICK_SIZE);
            String text = TextFit.ellipsize(marker.label(), Axes.TICK_SIZE, false, label.width());
            canvas.text(label.x(), baseline, text, style);
        }
        axes.drawFrame(canvas);
        double y = area.bottom() - captionHeight;
        for (String line : captionLines) {
            canvas.text(area.x(), y + TextMetrics.ascent(Figure.CAPTION_SIZE), line,
                    TextStyle.of(Figure.CAPTION_SIZE).withColour(Legend.NOTE_COLOUR));
            y += TextMetrics.lineHeight(Figure.CAPTION_SIZE);
        }
    }

    private static Axes layout(Rect area, AxisSpec x, List<AxisSpec> ys, int headerRows, double captionHeight) {
        double header = headerRows * (Legend.rowHeight() + HEADER_GAP);
        return Axes.layout(area.inset(header, 0, captionHeight + (captionHeight > 0 ? HEADER_GAP : 0), 0), x, ys, WEIGHTS, 0);
    }

    /** Where the legend row goes (only its x extent matters): ending at the right of the plots. */
    private static Rect legendBox(Axes axes, Rect area, List<Legend.Entry> entries) {
        double w = Legend.rowWidth(entries);
        return new Rect(Math.max(area.x(), axes.box().right() - w), 0, w, 1);
    }

    /** Where the marker's dashed line goes across (only its x matters). */
    private Rect markerLine(Axes axes) {
        return new Rect(axes.x(Scale.linear(t0, t1).fraction(marker.x())) - 1, 0, 2, 1);
    }

    /** Where the marker's label goes, on the legend's line: right of the dashed line, or left if there is no room. */
    private Rect markerLabel(Axes axes, Rect area) {
        double mx = axes.x(Scale.linear(t0, t1).fraction(marker.x()));
        double w = TextMetrics.width(marker.label(), Axes.TICK_SIZE, false);
        double right = area.right() - mx - 4;
        double left = mx - 4 - area.x();
        if (w <= right || right >= left) {
            return new Rect(mx + 4, 0, Math.min(w, Math.max(0, right)), 1);
        }
        double width = Math.min(w, left);
        return new Rect(mx - 4 - width, 0, width, 1);
    }

    /** One tick per group in the middle of its rows, labelled with its name. */
    private AxisSpec rowAxis() {
        int total = Arrays.stream(rowsOf).mapToInt(r -> r.length).sum();
        List<AxisSpec.Tick> ticks = new ArrayList<>();
        int offset = 0;
        for (int g = 0; g < groups.size(); g++) {
            if (rowsOf[g].length > 0) {
                ticks.add(new AxisSpec.Tick((offset + rowsOf[g].length / 2.0) / total, groups.get(g).label()));
            }
            offset += rowsOf[g].length;
        }
        return new AxisSpec("neuron", ticks, true);
    }

    private Scale rateScale() {
        double max = 0;
        for (RasterPlot.Group g : groups) {
            if (g.rate() != null) {
                for (double v : g.rate().hz()) {
                    if (Double.isFinite(v)) {
                        max = Math.max(max, v);
                    }
                }
            }
        }
        return Scale.linear(0, max > 0 ? max * 1.05 : 1).nice();
    }

    private void drawSpikes(Canvas canvas, Axes axes, Scale time) {
        Rect box = axes.box(0);
        int total = Arrays.stream(rowsOf).mapToInt(r -> r.length).sum();
        double rowHeight = total == 0 ? 0 : box.height() / total;
        double markHeight = Math.max(1, Math.min(3, rowHeight * 0.8));
        int offset = 0;
        for (int g = 0; g < groups.size(); g++) {
            RasterPlot.Group group = groups.get(g);
            if (g > 0 && offset > 0 && offset < total) {
                double y = box.bottom() - offset * rowHeight;
                canvas.line(box.x(), y, box.right(), y, Pen.of(SEPARATOR, 0.8));
            }
            int n = 0;
            double[] xs = new double[group.times().length];
            double[] ys = new double[group.times().length];
            for (int k = 0; k < xs.length; k++) {
                double t = group.times()[k];
                if (t >= t0 && t <= t1) {
                    xs[n] = axes.x(time.fraction(t));
                    ys[n] = box.bottom() - (offset + Arrays.binarySearch(rowsOf[g], group.senders()[k]) + 0.5) * rowHeight;
                    n++;
                }
            }
            if (n > 0) {
                canvas.marks(Arrays.copyOf(xs, n), Arrays.copyOf(ys, n), MARK_WIDTH, markHeight, group.colour());
            }
            offset += rowsOf[g].length;
        }
    }

    private void drawRates(Canvas canvas, Axes axes, Scale time, Scale rate) {
        for (RasterPlot.Group g : groups) {
            RasterPlot.Rate r = g.rate();
            if (r == null || r.hz().length == 0) {
                continue;
            }
            double[] xs = new double[r.hz().length];
            double[] ys = new double[r.hz().length];
            for (int k = 0; k < xs.length; k++) {
                xs[k] = axes.x(time.fraction(r.startMs() + (k + 0.5) * r.binMs()));
                ys[k] = axes.y(1, rate.fraction(r.hz()[k]));
            }
            canvas.polyline(xs, ys, Pen.of(g.colour(), 1.2));
        }
    }
}
