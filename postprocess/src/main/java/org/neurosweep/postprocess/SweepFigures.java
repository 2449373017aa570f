package org.neurosweep.postprocess;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neurosweep.postprocess.plot.Category;
import org.neurosweep.postprocess.plot.CategoryMap;
import org.neurosweep.postprocess.plot.CellGrid;
import org.neurosweep.postprocess.plot.Figure;
import org.neurosweep.postprocess.plot.Format;
import org.neurosweep.postprocess.plot.Heatmap;
import org.neurosweep.postprocess.plot.LinePlot;
import org.neurosweep.trajectory.Parameter;

/**
 * Figures over a stored sweep: a heatmap of a numeric result over the first two explored parameters (a
 * line with error bars over one), a phase diagram of a string result (each cell labelled by its most
 * common value), and the test whether a result is the same in every run (then it is a line of text).
 */
final class SweepFigures {
    /** A string result with at most this many distinct values is drawn as a phase diagram. */
    static final int MAX_CATEGORIES = 12;

    private final StoredSweep sweep;
    private final String x;
    private final String y;
    private final List<Double> xs;
    private final List<Double> ys;

    /** Figures over the first two explored parameters (the first alone if only one is explored). */
    SweepFigures(StoredSweep sweep) {
        this(sweep, sweep.explored().get(0), sweep.explored().size() > 1 ? sweep.explored().get(1) : null);
    }

    /** Figures over explored parameters {@code x} and {@code y} ({@code y} null: over {@code x} alone). */
    SweepFigures(StoredSweep sweep, String x, String y) {
        this.sweep = sweep;
        this.x = x;
        this.y = y;
        this.xs = sweep.parameter(x);
        this.ys = y == null ? null : sweep.parameter(y);
    }

    boolean twoDimensional() {
        return y != null;
    }

    /** "g (relative strength of inhibition)", with the unit if the parameter has one. */
    String axisTitle(String parameter) {
        Parameter p = sweep.trajectory().parameter(parameter);
        String text = p.comment() == null || p.comment().isEmpty() ? parameter : parameter + " (" + p.comment() + ")";
        return p.unit().isEmpty() ? text : text + " [" + p.unit() + "]";
    }

    String describeAxes() {
        return y == null ? x : x + " and " + y;
    }

    /** The one value every completed run has for this numeric result, or NaN if they differ or none has one. */
    double constant(String result) {
        double value = Double.NaN;
        for (Double v : sweep.result(result)) {
            if (v == null || v.isNaN()) {
                continue;
            }
            if (Double.isNaN(value)) {
                value = v;
            } else if (v.doubleValue() != value) {
                return Double.NaN;
            }
        }
        return value;
    }

    /** Whether at least one completed run has a (non-NaN) value of this numeric result. */
    boolean hasValues(String result) {
        return !Grid.of(xs, ys, sweep.result(result)).isEmpty();
    }

    /** A heatmap (two explored parameters) or a line with error bars (one) of a numeric result. */
    Figure numeric(String result) {
        Grid grid = Grid.of(xs, ys, sweep.result(result));
        String unit = sweep.unit(result);
        if (y == null) {
            List<Double> px = new ArrayList<>();
            List<Double> mean = new ArrayList<>();
            List<Double> std = new ArrayList<>();
            for (int i = 0; i < grid.xs().size(); i++) {
                if (!Double.isNaN(grid.mean(i, 0))) {
                    px.add(grid.xs().get(i));
                    mean.add(grid.mean(i, 0));
                    std.add(grid.std(i, 0));
                }
            }
            return LinePlot.figure(result, toArray(px), toArray(mean), toArray(std), axisTitle(x),
                    Format.withUnit(result, unit));
        }
        double[][] values = new double[grid.xs().size()][grid.ys().size()];
        for (int i = 0; i < values.length; i++) {
            for (int j = 0; j < values[i].length; j++) {
                values[i][j] = grid.mean(i, j);
            }
        }
        return Heatmap.figure(result, cellGrid(grid), values, result, unit);
    }

    /** The string results with few enough distinct values to be a phase diagram (and a second explored parameter). */
    List<String> categorical() {
        List<String> out = new ArrayList<>();
        if (y == null) {
            return out;
        }
        for (String name : sweep.stringResults()) {
            long distinct = sweep.stringResult(name).stream().filter(v -> v != null && !v.isEmpty()).distinct().count();
            if (distinct >= 1 && distinct <= MAX_CATEGORIES) {
                out.add(name);
            }
        }
        return out;
    }

    /**
     * The phase diagram of a string result: each cell labelled by its runs' most common value, with the
     * value of {@code note} (a numeric result, or null) as a second line.
     */
    Figure phaseDiagram(String result, String note) {
        Map<String, Integer> order = new LinkedHashMap<>();
        List<String> labels = sweep.stringResult(result);
        for (String v : labels) {
            if (v != null && !v.isEmpty()) {
                order.putIfAbsent(v, order.size());
            }
        }
        Grid shape = Grid.of(xs, ys, constantList(xs.size()));
        String[][] cells = majority(labels, shape);
        String[][] notes = null;
        if (note != null) {
            Grid values = Grid.of(xs, ys, sweep.result(note));
            String unit = sweep.unit(note);
            notes = new String[shape.xs().size()][shape.ys().size()];
            for (int i = 0; i < notes.length; i++) {
                for (int j = 0; j < notes[i].length; j++) {
                    double m = values.mean(i, j);
                    notes[i][j] = Double.isNaN(m) ? null : Format.sig3(m) + (unit.isEmpty() ? "" : " " + unit);
                }
            }
        }
        List<Category> categories = Category.palette(order.keySet().toArray(new String[0]));
        return CategoryMap.figure(result, cellGrid(shape), cells, notes, categories);
    }

    /** The most common label of the completed runs in each cell (the first seen on a tie), [x][y]. */
    String[][] majority(List<String> labels, Grid shape) {
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        for (int r = 0; r < labels.size(); r++) {
            String v = labels.get(r);
            if (v != null && !v.isEmpty()) {
                counts.computeIfAbsent(xs.get(r) + "," + ys.get(r), k -> new LinkedHashMap<>()).merge(v, 1, Integer::sum);
            }
        }
        String[][] cells = new String[shape.xs().size()][shape.ys().size()];
        for (int i = 0; i < cells.length; i++) {
            for (int j = 0; j < cells[i].length; j++) {
                Map<String, Integer> c = counts.get(shape.xs().get(i) + "," + shape.ys().get(j));
                if (c != null) {
                    cells[i][j] = c.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
                }
            }
        }
        return cells;
    }

    /**
     * One run per value of a string result: the one deepest inside its region of the grid (most neighbouring
     * cells with the same value; on a tie the one nearest the region's centre), in order of first appearance.
     */
    Map<String, Integer> representatives(String result) {
        List<String> labels = sweep.stringResult(result);
        Grid shape = Grid.of(xs, ys, constantList(xs.size()));
        String[][] cells = majority(labels, shape);
        Map<String, double[]> centre = new HashMap<>(); // per label: sum of i, sum of j, cells
        for (int a = 0; a < cells.length; a++) {
            for (int b = 0; b < cells[a].length; b++) {
                if (cells[a][b] != null) {
                    double[] c = centre.computeIfAbsent(cells[a][b], k -> new double[3]);
                    c[0] += a;
                    c[1] += b;
                    c[2]++;
                }
            }
        }
        Map<Double, Integer> column = index(shape.xs());
        Map<Double, Integer> row = index(shape.ys());
        Map<String, Integer> out = new LinkedHashMap<>();
        Map<String, double[]> best = new HashMap<>();
        for (int r = 0; r < labels.size(); r++) {
            String v = labels.get(r);
            int i = column.get(xs.get(r));
            int j = row.get(ys.get(r));
            if (v == null || v.isEmpty() || !v.equals(cells[i][j])) {
                continue;
            }
            int same = 0;
            for (int[] d : new int[][] {{1, 0}, {-1, 0}, {0, 1}, {0, -1}}) {
                int a = i + d[0];
                int b = j + d[1];
                same += a >= 0 && a < cells.length && b >= 0 && b < cells[a].length && v.equals(cells[a][b]) ? 1 : 0;
            }
            double[] c = centre.get(v);
            double[] score = {same, -Math.hypot(i - c[0] / c[2], j - c[1] / c[2])};
            double[] current = best.get(v);
            if (current == null || score[0] > current[0] || score[0] == current[0] && score[1] > current[1]) {
                best.put(v, score);
                out.put(v, r);
            }
        }
        return out;
    }

    private static Map<Double, Integer> index(List<Double> values) {
        Map<Double, Integer> out = new HashMap<>();
        for (int k = 0; k < values.size(); k++) {
            out.put(values.get(k), k);
        }
        return out;
    }

    /** The completed runs at the corners of the grid (a sweep without a phase diagram shows these). */
    List<Integer> corners() {
        List<Integer> out = new ArrayList<>();
        double xMin = xs.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double xMax = xs.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double yMin = ys == null ? 0 : ys.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double yMax = ys == null ? 0 : ys.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        for (double cx : new double[] {xMin, xMax}) {
            for (double cy : new double[] {yMin, yMax}) {
                for (int i = 0; i < xs.size(); i++) {
                    if (xs.get(i) == cx && (ys == null || ys.get(i) == cy) && sweep.completed(i) && !out.contains(i)) {
                        out.add(i);
                        break;
                    }
                }
            }
        }
        return out;
    }

    private CellGrid cellGrid(Grid grid) {
        return new CellGrid(toArray(grid.xs()), axisTitle(x), toArray(grid.ys()), axisTitle(y));
    }

    private static List<Double> constantList(int n) {
        List<Double> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(0.0);
        }
        return out;
    }

    private static double[] toArray(List<Double> values) {
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }
}
