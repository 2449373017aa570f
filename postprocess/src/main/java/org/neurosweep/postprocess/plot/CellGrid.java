package org.neurosweep.postprocess.plot;

import java.lang.reflect.Array;
import java.util.Arrays;
import java.util.Objects;

/**
 * The grid of a {@link Heatmap} or {@link CategoryMap}: the values of the parameter across (x, one
 * column each, left to right) and up (y, one row each, bottom to top), with the axes' titles.
 *
 * @param xs     the x values, one per column
 * @param xTitle the x axis title with its unit, e.g. "g (relative strength of inhibition)"
 * @param ys     the y values, one per row
 * @param yTitle the y axis title with its unit
 */
public record CellGrid(double[] xs, String xTitle, double[] ys, String yTitle) {
    /** @throws IllegalArgumentException if there are no x or no y values, or one is not finite */
    public CellGrid {
        xs = check(xs, "x");
        ys = check(ys, "y");
        Objects.requireNonNull(xTitle, "xTitle");
        Objects.requireNonNull(yTitle, "yTitle");
    }

    @Override
    public double[] xs() {
        return xs.clone();
    }

    @Override
    public double[] ys() {
        return ys.clone();
    }

    /** The number of columns. */
    public int columns() {
        return xs.length;
    }

    /** The number of rows. */
    public int rows() {
        return ys.length;
    }

    /**
     * @throws IllegalArgumentException unless {@code cells} is {@code [columns()][rows()]}
     */
    void requireShape(Object[] cells, String what) {
        if (cells.length != xs.length) {
            throw new IllegalArgumentException(what + " must have one array per x value (" + xs.length + "), not "
                    + cells.length);
        }
        for (int i = 0; i < cells.length; i++) {
            int n = cells[i] == null ? -1 : Array.getLength(cells[i]);
            if (n != ys.length) {
                throw new IllegalArgumentException(what + "[" + i + "] must have one entry per y value (" + ys.length
                        + "), not " + (n < 0 ? "null" : n));
            }
        }
    }

    private static double[] check(double[] values, String axis) {
        Objects.requireNonNull(values, axis + " values");
        if (values.length == 0) {
            throw new IllegalArgumentException("a grid needs at least one " + axis + " value");
        }
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("the " + axis + " values must be finite: " + Arrays.toString(values));
            }
        }
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CellGrid g && Arrays.equals(xs, g.xs) && Arrays.equals(ys, g.ys) && xTitle.equals(g.xTitle)
                && yTitle.equals(g.yTitle);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(xs), Arrays.hashCode(ys), xTitle, yTitle);
    }

    @Override
    public String toString() {
        return "CellGrid[" + xTitle + " " + Arrays.toString(xs) + ", " + yTitle + " " + Arrays.toString(ys) + "]";
    }
}
