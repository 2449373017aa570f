package org.neurosweep.postprocess.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * The layout of one or more plot boxes stacked in a column over a shared x axis, each with its own y
 * axis. The margins are made from the measured tick labels and titles, so nothing reaches outside the
 * area: y tick labels and title at the left, x tick labels and title under the bottom box (the boxes
 * above get tick marks only), room at the right for a colour bar or legend. Titles longer than their
 * box are wrapped onto two lines, then shortened with "…"; tick labels that would touch are thinned
 * out (every second one shown, or third, …).
 */
final class Axes {
    static final double TICK_SIZE = 11;
    static final double TITLE_SIZE = 13;
    static final double TICK_LENGTH = 4;
    static final double GAP = 4;
    static final Color FRAME = new Color(0x55, 0x55, 0x55);
    static final Color GRID = new Color(0xe6, 0xe6, 0xe6);
    private static final double MIN_LABEL_SPACE = 6;

    private final Rect area;
    private final AxisSpec x;
    private final List<AxisSpec> ys;
    private final List<Rect> boxes = new ArrayList<>();
    private List<String> xTitle = List.of();
    private final List<List<String>> yTitles = new ArrayList<>();

    private Axes(Rect area, AxisSpec x, List<AxisSpec> ys) {
        this.area = area;
        this.x = x;
        this.ys = List.copyOf(ys);
    }

    /** One box in {@code area}, keeping {@code reserveRight} pixels at its right for a legend or colour bar. */
    static Axes layout(Rect area, AxisSpec x, AxisSpec y, double reserveRight) {
        return layout(area, x, List.of(y), new double[] {1}, reserveRight);
    }

    /** Boxes stacked top to bottom, sharing the height in proportion to {@code weights}. */
    static Axes layout(Rect area, AxisSpec x, List<AxisSpec> ys, double[] weights, double reserveRight) {
        Axes axes = new Axes(area, x, ys);
        int xLines = x.title().isEmpty() ? 0 : 1;
        int yLines = ys.stream().anyMatch(a -> !a.title().isEmpty()) ? 1 : 0;
        for (int round = 0; round < 3; round++) {
            axes.place(xLines, yLines, weights, reserveRight);
            int newX = wrapX(axes, 2).size();
            int newY = 0;
            for (int i = 0; i < ys.size(); i++) {
                newY = Math.max(newY, wrapY(axes, i, 2).size());
            }
            if (newX == xLines && newY == yLines) {
                break;
            }
            xLines = newX;
            yLines = newY;
        }
        axes.place(xLines, yLines, weights, reserveRight);
        axes.xTitle = wrapX(axes, xLines);
        for (int i = 0; i < ys.size(); i++) {
            axes.yTitles.add(wrapY(axes, i, yLines));
        }
        return axes;
    }

    /** The box of the only (or top) plot. */
    Rect box() {
        return boxes.get(0);
    }

    /** The box of plot {@code i}, from the top. */
    Rect box(int i) {
        return boxes.get(i);
    }

    /** The x pixel of a fraction of the x axis. */
    double x(double fraction) {
        Rect b = boxes.get(0);
        return b.x() + fraction * b.width();
    }

    /** The y pixel of a fraction of plot {@code i}'s y axis (0 at its bottom). */
    double y(int i, double fraction) {
        Rect b = boxes.get(i);
        return b.bottom() - fraction * b.height();
    }

    /** Light grid lines at every tick, to be drawn before the data. */
    void drawGrid(Canvas canvas) {
        Pen pen = Pen.of(GRID, 1);
        for (int i = 0; i < boxes.size(); i++) {
            Rect b = boxes.get(i);
            for (AxisSpec.Tick t : x.ticks()) {
                canvas.line(x(t.fraction()), b.y(), x(t.fraction()), b.bottom(), pen);
            }
            for (AxisSpec.Tick t : ys.get(i).ticks()) {
                canvas.line(b.x(), y(i, t.fraction()), b.right(), y(i, t.fraction()), pen);
            }
        }
    }

    /** The frames, ticks, tick labels and titles, to be drawn after the data. */
    void drawFrame(Canvas canvas) {
        Pen pen = Pen.of(FRAME, 1);
        TextStyle label = TextStyle.of(TICK_SIZE);
        double centre = (TextMetrics.ascent(TICK_SIZE) - TextMetrics.descent(TICK_SIZE)) / 2;
        for (int i = 0; i < boxes.size(); i++) {
            Rect b = boxes.get(i);
            canvas.rect(b, null, pen);
            AxisSpec y = ys.get(i);
            int every = thinning(y, b.height(), false);
            for (int k = 0; k < y.ticks().size(); k++) {
                double py = y(i, y.ticks().get(k).fraction());
                canvas.line(b.x() - TICK_LENGTH, py, b.x(), py, pen);
                if (y.labelled() && k % every == 0) {
                    canvas.text(b.x() - TICK_LENGTH - GAP, py + centre, y.ticks().get(k).label(), label.end());
                }
            }
            for (AxisSpec.Tick t : x.ticks()) {
                canvas.line(x(t.fraction()), b.bottom(), x(t.fraction()), b.bottom() + TICK_LENGTH, pen);
            }
            TextStyle title = TextStyle.of(TITLE_SIZE).asVertical().middle();
            List<String> lines = yTitles.get(i);
            for (int k = 0; k < lines.size(); k++) {
                double lineX = area.x() + TextMetrics.ascent(TITLE_SIZE) + k * TextMetrics.lineHeight(TITLE_SIZE);
                canvas.text(lineX, b.centerY(), lines.get(k), title);
            }
        }
        Rect bottom = boxes.get(boxes.size() - 1);
        double cursor = bottom.bottom() + TICK_LENGTH; // the top of what comes next under the bottom box
        if (x.labelled()) {
            cursor += GAP;
            int every = thinning(x, bottom.width(), true);
            for (int k = 0; k < x.ticks().size(); k += every) {
                canvas.text(x(x.ticks().get(k).fraction()), cursor + TextMetrics.ascent(TICK_SIZE),
                        x.ticks().get(k).label(), label.middle());
            }
            cursor += TextMetrics.lineHeight(TICK_SIZE);
        }
        cursor += GAP;
        for (String line : xTitle) {
            canvas.text(bottom.centerX(), cursor + TextMetrics.ascent(TITLE_SIZE), line, TextStyle.of(TITLE_SIZE).middle());
            cursor += TextMetrics.lineHeight(TITLE_SIZE);
        }
    }

    /** Places the boxes for titles of the given numbers of lines. */
    private void place(int xLines, int yLines, double[] weights, double reserveRight) {
        double labelHeight = TextMetrics.lineHeight(TICK_SIZE);
        double titleHeight = TextMetrics.lineHeight(TITLE_SIZE);
        double yLabels = 0;
        for (AxisSpec y : ys) {
            for (AxisSpec.Tick t : y.labelled() ? y.ticks() : List.<AxisSpec.Tick>of()) {
                yLabels = Math.max(yLabels, TextMetrics.width(t.label(), TICK_SIZE, false));
            }
        }
        double width = boxes.isEmpty() ? area.width() * 0.8 : boxes.get(0).width(); // from the last round
        double overLeft = 0;
        double overRight = 0;
        for (AxisSpec.Tick t : x.labelled() ? x.ticks() : List.<AxisSpec.Tick>of()) {
            double half = TextMetrics.width(t.label(), TICK_SIZE, false) / 2;
            overLeft = Math.max(overLeft, half - t.fraction() * width);
            overRight = Math.max(overRight, half - (1 - t.fraction()) * width);
        }
        double left = Math.max(overLeft, yLines * titleHeight + (yLines > 0 ? GAP : 0) + yLabels + GAP + TICK_LENGTH);
        double right = Math.max(Math.max(overRight, 2), reserveRight);
        double top = labelHeight / 2 + 1;
        double bottom = TICK_LENGTH + (x.labelled() ? GAP + labelHeight : 0) + (xLines > 0 ? GAP + xLines * titleHeight : 0) + 1;
        double between = labelHeight + 2;
        double room = Math.max(0, area.height() - top - bottom - between * (ys.size() - 1));
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        boxes.clear();
        double boxTop = area.y() + top;
        double boxWidth = Math.max(0, area.width() - left - right);
        for (double w : weights) {
            double h = room * w / total;
            boxes.add(new Rect(area.x() + left, boxTop, boxWidth, h));
            boxTop += h + between;
        }
    }

    private static List<String> wrapX(Axes axes, int lines) {
        return TextFit.wrap(axes.x.title(), TITLE_SIZE, false, axes.boxes.get(0).width(), lines);
    }

    private static List<String> wrapY(Axes axes, int i, int lines) {
        return TextFit.wrap(axes.ys.get(i).title(), TITLE_SIZE, false, axes.boxes.get(i).height(), lines);
    }

    /** Show every n-th label, the smallest n at which the shown labels keep apart. */
    static int thinning(AxisSpec axis, double length, boolean across) {
        List<AxisSpec.Tick> ticks = axis.ticks();
        for (int every = 1; every < Math.max(2, ticks.size()); every++) {
            boolean apart = true;
            for (int k = every; k < ticks.size() && apart; k += every) {
                double distance = Math.abs(ticks.get(k).fraction() - ticks.get(k - every).fraction()) * length;
                double needed = across ? (TextMetrics.width(ticks.get(k).label(), TICK_SIZE, false)
                        + TextMetrics.width(ticks.get(k - every).label(), TICK_SIZE, false)) / 2
                        : TextMetrics.lineHeight(TICK_SIZE);
                apart = distance >= needed + (across ? MIN_LABEL_SPACE : 1);
            }
            if (apart) {
                return every;
            }
        }
        return Math.max(1, ticks.size());
    }
}
