package org.neurosweep.postprocess.plot;

import java.awt.Color;
import java.util.Objects;

/**
 * A heatmap of a quantity over a grid of two parameters: each cell coloured by its value on a
 * viridis-like colour map and labelled with the value (3 significant digits, in one font size fitted to
 * the cells, down to 8 px; below that, no cell gets a number), a colour bar at the right. The colour scale is {@link Scale#choose} of the values: logarithmic
 * when they are all positive and span a factor of 50 or more. A cell without a value (NaN) is hatched
 * grey and labelled "–".
 */
public final class Heatmap {
    /** The size of a figure made by {@link #figure}, in CSS pixels. */
    public static final double WIDTH = 720;
    public static final double HEIGHT = 560;

    private Heatmap() {
    }

    /**
     * A heatmap panel.
     *
     * @param grid     the parameter values across and up, with the axis titles
     * @param values   the quantity's value per cell, [x][y]; NaN for none
     * @param quantity what the values are, e.g. "rate_e"
     * @param unit     their unit, e.g. "Hz"; "" for none
     * @throws IllegalArgumentException if {@code values} is not {@code [xs.length][ys.length]}
     */
    public static Panel panel(CellGrid grid, double[][] values, String quantity, String unit) {
        Objects.requireNonNull(quantity, "quantity");
        grid.requireShape(values, "values");
        int nx = grid.columns();
        int ny = grid.rows();
        double[] all = new double[nx * ny];
        for (int i = 0; i < nx; i++) {
            System.arraycopy(values[i], 0, all, i * ny, ny);
        }
        Scale scale = Scale.choose(all);
        Color[][] fills = new Color[nx][ny];
        String[][] texts = new String[nx][ny];
        int missing = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                double v = values[i][j];
                texts[i][j] = Format.sig3(v);
                if (Double.isNaN(v)) {
                    missing++;
                    continue;
                }
                double f = scale.fraction(v);
                fills[i][j] = Colormap.VIRIDIS.at(Double.isNaN(f) ? (v > 0 ? 1 : 0) : f);
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        boolean any = missing < all.length;
        String label = Format.withUnit(quantity, unit);
        String description = "Heatmap of " + label + " over " + grid.xTitle() + " (" + nx + " values) and "
                + grid.yTitle() + " (" + ny + " values)"
                + (any ? ", from " + Format.sig3(min) + " to " + Format.sig3(max) + (scale.isLog() ? " (log colour scale)" : "")
                        : ", with no value in any cell")
                + (missing > 0 && any ? "; " + missing + " of " + all.length + " cells have no value." : ".");
        Sidebar bar = any ? new ColourBar(scale, Colormap.VIRIDIS, quantity, unit) : null;
        return new CellMap(grid, fills, texts, null, false, bar, description);
    }

    /** A {@link #WIDTH} × {@link #HEIGHT} figure of one {@link #panel}. */
    public static Figure figure(String title, CellGrid grid, double[][] values, String quantity, String unit) {
        return Figure.of(title, WIDTH, HEIGHT, panel(grid, values, quantity, unit));
    }
}
