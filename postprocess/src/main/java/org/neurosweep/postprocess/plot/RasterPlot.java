package org.neurosweep.postprocess.plot;

import java.awt.Color;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A spike raster over the population rates, sharing one time axis: one row per neuron that spiked (its
 * spikes as small ticks), groups ("E", "I") stacked from the bottom up in their own colours; under it,
 * each group's population rate as a line; a legend, an optional dashed line marking a time (say where the
 * analysis starts), and a caption. A group without spikes draws nothing in the raster, and the caption
 * says so ("I: no spikes"); no stand-in mark is drawn.
 */
public final class RasterPlot {
    /** The size of a figure made by {@link #figure}, in CSS pixels. */
    public static final double WIDTH = 900;
    public static final double HEIGHT = 600;
    /** The usual colour of an excitatory group. */
    public static final Color EXCITATORY = new Color(0x1f, 0x5f, 0xbf);
    /** The usual colour of an inhibitory group. */
    public static final Color INHIBITORY = new Color(0xd6, 0x27, 0x28);

    private RasterPlot() {
    }

    /**
     * A population rate as a histogram: bin k covers [startMs + k·binMs, startMs + (k+1)·binMs).
     *
     * @param hz      the rate in each bin, in Hz (spikes per second per neuron)
     * @param binMs   the bin width in ms, positive
     * @param startMs where the first bin starts, in ms
     */
    public record Rate(double[] hz, double binMs, double startMs) {
        /** @throws IllegalArgumentException if the bin width is not positive or the start not finite */
        public Rate {
            hz = hz.clone();
            if (!(binMs > 0) || Double.isInfinite(binMs) || !Double.isFinite(startMs)) {
                throw new IllegalArgumentException("a rate histogram needs a positive bin width and a finite start, not "
                        + binMs + " ms from " + startMs + " ms");
            }
        }
    }

    /**
     * One population's spikes and rate.
     *
     * @param label   its name in the legend and on the axis, e.g. "E"
     * @param colour  its colour
     * @param senders the neuron id of each spike
     * @param times   the time of each spike, in ms
     * @param rate    its population rate (from all its neurons, not only those recorded); {@code null} for none
     */
    public record Group(String label, Color colour, int[] senders, double[] times, Rate rate) {
        /** @throws IllegalArgumentException if there are not as many senders as times */
        public Group {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(colour, "colour");
            if (senders.length != times.length) {
                throw new IllegalArgumentException("group " + label + " needs a sender per spike time, not "
                        + senders.length + " senders and " + times.length + " times");
            }
            senders = senders.clone();
            times = times.clone();
        }

        /** The number of distinct neurons that spiked. */
        public int neurons() {
            return (int) Arrays.stream(senders).distinct().count();
        }
    }

    /**
     * A raster panel over [t0, t1] ms (spikes outside it are not drawn).
     *
     * @param groups  the groups, bottom first in the raster
     * @param t0      the start of the time axis, in ms
     * @param t1      its end, in ms, after t0
     * @param marker  a time to mark with a dashed line and label, e.g. {@code new Reference(100, "analysis
     *                starts")}; {@code null} for none
     * @param caption a line under the plots, e.g. "spikes of 100 of 10,000 E and 25 of 2,500 I neurons; rates
     *                from all neurons"; {@code null} for none
     * @throws IllegalArgumentException if there is no group or t0 is not before t1
     */
    public static Panel panel(List<Group> groups, double t0, double t1, Reference marker, String caption) {
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("a raster needs at least one group");
        }
        if (!Double.isFinite(t0) || !Double.isFinite(t1) || t0 >= t1) {
            throw new IllegalArgumentException("a raster needs a time range t0 < t1, not " + t0 + " .. " + t1 + " ms");
        }
        StringBuilder text = new StringBuilder(caption == null ? "" : caption.strip());
        StringBuilder description = new StringBuilder("Spike raster from " + Format.sig3(t0) + " to " + Format.sig3(t1)
                + " ms of ");
        for (int g = 0; g < groups.size(); g++) {
            Group group = groups.get(g);
            if (group.times().length == 0) {
                text.append(text.length() == 0 ? "" : "; ").append(group.label()).append(": no spikes");
            }
            description.append(g == 0 ? "" : g == groups.size() - 1 ? " and " : ", ").append(group.label()).append(" (")
                    .append(Format.count(group.times().length)).append(" spikes from ")
                    .append(Format.count(group.neurons())).append(" neurons)");
        }
        description.append(", over the population rate of each group.");
        return new RasterPanel(List.copyOf(groups), t0, t1, marker, text.toString(), description.toString());
    }

    /** A {@link #WIDTH} × {@link #HEIGHT} figure of one {@link #panel}. */
    public static Figure figure(String title, List<Group> groups, double t0, double t1, Reference marker,
            String caption) {
        return Figure.of(title, WIDTH, HEIGHT, panel(groups, t0, t1, marker, caption));
    }
}
