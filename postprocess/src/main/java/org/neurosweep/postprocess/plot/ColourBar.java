package org.neurosweep.postprocess.plot;

import java.util.List;

/**
 * A vertical colour bar: the colour map along the scale, ticks with labels at its right, and its title
 * (quantity and unit, ", log scale" when it is one) turned up the side beyond them.
 */
final class ColourBar implements Sidebar {
    private static final double LEFT_GAP = 14;
    private static final double BAR_WIDTH = 14;
    private static final int STEPS = 96;

    private final Scale scale;
    private final Colormap colours;
    private final String title;
    private final AxisSpec axis;

    ColourBar(Scale scale, Colormap colours, String quantity, String unit) {
        this.scale = scale;
        this.colours = colours;
        this.title = Format.withUnit(quantity, unit) + (scale.isLog() ? ", log scale" : "");
        this.axis = AxisSpec.of(scale, title);
    }

    /** The title drawn beside the bar. */
    String title() {
        return title;
    }

    @Override
    public double width(Rect area, double boxHeight) {
        int lines = Math.max(1, TextFit.wrap(title, Axes.TITLE_SIZE, false, boxHeight, 2).size());
        return besideTitle() + lines * TextMetrics.lineHeight(Axes.TITLE_SIZE);
    }

    /** The width of all but the title: gap, bar, ticks, labels. */
    private double besideTitle() {
        double labels = 0;
        for (AxisSpec.Tick t : axis.ticks()) {
            labels = Math.max(labels, TextMetrics.width(t.label(), Axes.TICK_SIZE, false));
        }
        return LEFT_GAP + BAR_WIDTH + Axes.TICK_LENGTH + Axes.GAP + labels + Axes.GAP + 2;
    }

    @Override
    public void draw(Canvas canvas, Rect slot) {
        Rect bar = new Rect(slot.x() + LEFT_GAP, slot.y(), BAR_WIDTH, slot.height());
        double step = bar.height() / STEPS;
        canvas.clip(bar, () -> {
            for (int k = 0; k < STEPS; k++) { // overlapping a little, so no seams show between the steps
                canvas.rect(new Rect(bar.x(), bar.bottom() - (k + 1) * step - 0.5, bar.width(), step + 1),
                        colours.at((k + 0.5) / STEPS), null);
            }
        });
        Pen pen = Pen.of(Axes.FRAME, 1);
        canvas.rect(bar, null, pen);
        double centre = (TextMetrics.ascent(Axes.TICK_SIZE) - TextMetrics.descent(Axes.TICK_SIZE)) / 2;
        int every = Axes.thinning(axis, bar.height(), false);
        double labelsRight = bar.right();
        for (int k = 0; k < axis.ticks().size(); k++) {
            AxisSpec.Tick t = axis.ticks().get(k);
            double y = bar.bottom() - t.fraction() * bar.height();
            canvas.line(bar.right(), y, bar.right() + Axes.TICK_LENGTH, y, pen);
            if (k % every == 0) {
                double x = bar.right() + Axes.TICK_LENGTH + Axes.GAP;
                canvas.text(x, y + centre, t.label(), TextStyle.of(Axes.TICK_SIZE));
                labelsRight = Math.max(labelsRight, x + TextMetrics.width(t.label(), Axes.TICK_SIZE, false));
            }
        }
        int room = (int) Math.floor((slot.width() - besideTitle() + 0.01) / TextMetrics.lineHeight(Axes.TITLE_SIZE));
        List<String> lines = TextFit.wrap(title, Axes.TITLE_SIZE, false, bar.height(), Math.max(1, Math.min(2, room)));
        double x = labelsRight + Axes.GAP + TextMetrics.ascent(Axes.TITLE_SIZE);
        for (String line : lines) {
            canvas.text(x, bar.centerY(), line, TextStyle.of(Axes.TITLE_SIZE).asVertical().middle());
            x += TextMetrics.lineHeight(Axes.TITLE_SIZE);
        }
    }
}
