package org.neurosweep.postprocess.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A phase diagram: a grid of two parameters with each cell coloured and labelled by its category (its
 * regime: "SR", "AI", "SI-fast", …), optionally with a small second line (e.g. "38.2 Hz"), and a legend
 * at the right listing every category, its colour and description. A cell without a category (null) is
 * hatched grey and labelled "–", and the legend then also lists "no value".
 */
public final class CategoryMap {
    /** The size of a figure made by {@link #figure}, in CSS pixels. */
    public static final double WIDTH = 820;
    public static final double HEIGHT = 560;

    private CategoryMap() {
    }

    /**
     * A phase-diagram panel.
     *
     * @param grid       the parameter values across and up, with the axis titles
     * @param labels     each cell's category label, [x][y]; {@code null} for none
     * @param notes      a second line per cell, [x][y], {@code null} entries for none; {@code null} for none at all
     * @param categories the categories, in legend order
     * @throws IllegalArgumentException if an array is not {@code [xs.length][ys.length]}, a cell's label
     *                                  is not one of the categories', or two categories share a label
     */
    public static Panel panel(CellGrid grid, String[][] labels, String[][] notes, List<Category> categories) {
        grid.requireShape(labels, "labels");
        if (notes != null) {
            grid.requireShape(notes, "notes");
        }
        Map<String, Category> byLabel = new LinkedHashMap<>();
        for (Category c : categories) {
            if (byLabel.put(c.label(), c) != null) {
                throw new IllegalArgumentException("two categories are labelled \"" + c.label() + "\"");
            }
        }
        int nx = grid.columns();
        int ny = grid.rows();
        Color[][] fills = new Color[nx][ny];
        String[][] texts = new String[nx][ny];
        String[][] cellNotes = new String[nx][ny];
        Map<String, Integer> counts = new LinkedHashMap<>();
        int missing = 0;
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                String label = labels[i][j];
                if (label == null) {
                    texts[i][j] = Format.MISSING;
                    missing++;
                    continue;
                }
                Category c = byLabel.get(label);
                if (c == null) {
                    throw new IllegalArgumentException("the cell at x = " + Format.sig3(grid.xs()[i]) + ", y = "
                            + Format.sig3(grid.ys()[j]) + " is \"" + label + "\", which is not one of the categories "
                            + byLabel.keySet());
                }
                fills[i][j] = c.colour();
                texts[i][j] = label;
                cellNotes[i][j] = notes == null ? null : notes[i][j];
                counts.merge(label, 1, Integer::sum);
            }
        }
        List<Legend.Entry> entries = new ArrayList<>();
        for (Category c : categories) {
            entries.add(new Legend.Entry(c.label(), c.colour(), c.description(), false));
        }
        if (missing > 0) {
            entries.add(new Legend.Entry("no value", null, null, true));
        }
        String description = "Phase diagram over " + grid.xTitle() + " (" + nx + " values) and " + grid.yTitle() + " ("
                + ny + " values): " + (counts.isEmpty() ? "no cell has a category"
                : counts.entrySet().stream().map(e -> e.getKey() + " in " + e.getValue())
                        .collect(Collectors.joining(", ")))
                + (missing > 0 ? ", no value in " + missing : "") + " of " + nx * ny + " cells.";
        return new CellMap(grid, fills, texts, notes == null ? null : cellNotes, true, new Legend(entries, 0.36), description);
    }

    /** A {@link #WIDTH} × {@link #HEIGHT} figure of one {@link #panel}. */
    public static Figure figure(String title, CellGrid grid, String[][] labels, String[][] notes,
            List<Category> categories) {
        return Figure.of(title, WIDTH, HEIGHT, panel(grid, labels, notes, categories));
    }
}
