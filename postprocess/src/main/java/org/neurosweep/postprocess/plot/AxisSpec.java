package org.neurosweep.postprocess.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * An axis as it is drawn: its title and its ticks, each at a fraction of the axis's length (0 at the
 * left or bottom) with a label.
 *
 * @param title    the title, with the unit in parentheses; "" for none
 * @param ticks    the ticks
 * @param labelled whether the tick labels are drawn (not on an axis shared with the panel below)
 */
record AxisSpec(String title, List<Tick> ticks, boolean labelled) {
    /** A tick at {@code fraction} of the axis. */
    record Tick(double fraction, String label) {
    }

    AxisSpec {
        title = title == null ? "" : title;
        ticks = List.copyOf(ticks);
    }

    /** The nice ticks of {@code scale} (see {@link Scale#ticks()}), labelled with {@link Format#ticks}. */
    static AxisSpec of(Scale scale, String title) {
        double[] values = scale.ticks();
        List<String> labels = Format.ticks(values);
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            ticks.add(new Tick(scale.fraction(values[i]), labels.get(i)));
        }
        return new AxisSpec(title, ticks, true);
    }

    /** One tick in the middle of each of {@code values.length} equal cells, labelled with the value. */
    static AxisSpec categories(double[] values, String title) {
        List<String> labels = Format.ticks(values);
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            ticks.add(new Tick((i + 0.5) / values.length, labels.get(i)));
        }
        return new AxisSpec(title, ticks, true);
    }

    /** The same axis with its tick labels and title left out. */
    AxisSpec unlabelled() {
        return new AxisSpec("", ticks, false);
    }
}
