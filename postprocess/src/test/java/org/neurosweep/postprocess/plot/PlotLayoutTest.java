package org.neurosweep.postprocess.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Text never overlaps other text or leaves the figure, whatever the data and titles. */
class PlotLayoutTest {
    private static final String LONG = "g (relative strength of inhibition, i.e. the ratio of inhibitory to excitatory"
            + " synaptic efficacy J_I / J_E, swept over the whole range the Brunel 2000 paper considers)";

    @Test
    void heatmapCellLabelsAreAllThereApartAndInside() {
        double[][] values = Samples.rates();
        SvgCanvas canvas = Layouts.assertTidy(Samples.heatmap());
        List<String> texts = canvas.texts().stream().map(TextBox::text).toList();
        for (double[] column : values) {
            for (double v : column) {
                assertTrue(texts.contains(Format.sig3(v)), Format.sig3(v) + " is written in its cell");
            }
        }
        assertTrue(texts.contains("0.0193") && texts.contains("2390") && texts.contains("–"));
        assertTrue(texts.contains("rate_e (Hz), log scale"), texts.toString());
        assertTrue(texts.contains("g (relative strength of inhibition)"));
    }

    @Test
    void cellTextShrinksToEightPixelsThenIsLeftOut() {
        int nx = 40;
        int ny = 30;
        double[] xs = new double[nx];
        double[] ys = new double[ny];
        double[][] values = new double[nx][ny];
        for (int i = 0; i < nx; i++) {
            xs[i] = 0.1 * i;
            for (int j = 0; j < ny; j++) {
                ys[j] = j;
                values[i][j] = 1.23456e-7 * (i + 1) * (j + 1);
            }
        }
        Figure small = Heatmap.figure("small cells", new CellGrid(xs, "x", ys, "y"), values, "v", "");
        SvgCanvas canvas = Layouts.assertTidy(small);
        Set<String> cellTexts = Arrays.stream(values).flatMapToDouble(Arrays::stream).mapToObj(Format::sig3)
                .collect(Collectors.toSet());
        for (TextBox t : canvas.texts()) {
            if (cellTexts.contains(t.text())) {
                assertTrue(t.box().height() >= TextMetrics.lineHeight(CellMap.MIN_TEXT) - 1e-9,
                        "\"" + t.text() + "\" is written smaller than 8 px");
            }
        }
        assertFalse(canvas.texts().stream().anyMatch(t -> t.text().equals("1.23×10⁻⁷")), "cells too small for numbers");
    }

    @Test
    void oneTextTooLongForItsCellLeavesEveryCellBlank() {
        int nx = 20;
        double[] xs = new double[nx];
        double[][] values = new double[nx][3];
        for (int i = 0; i < nx; i++) {
            xs[i] = i;
            Arrays.fill(values[i], 0.5);
        }
        values[7][1] = 8.914345994718766E8;
        SvgCanvas canvas = Layouts.assertTidy(Heatmap.figure("one outlier", new CellGrid(xs, "x", new double[] {1, 2, 3},
                "y"), values, "v", ""));
        List<String> texts = canvas.texts().stream().map(TextBox::text).toList();
        assertFalse(texts.contains("8.91×10⁸"), "too long for a 30 px cell even at 8 px");
        assertFalse(texts.contains("0.5"), "so no cell has a number: " + texts);
        values[7][1] = 890;
        texts = Layouts.assertTidy(Heatmap.figure("no outlier", new CellGrid(xs, "x", new double[] {1, 2, 3}, "y"), values,
                "v", "")).texts().stream().map(TextBox::text).toList();
        assertTrue(texts.contains("890") && texts.contains("0.5"), texts.toString());
    }

    @Test
    void longTitlesAreWrappedOrShortenedNeverCut() {
        String title = "A very long figure title that goes on and on about the sweep, " + LONG + ", " + LONG;
        Figure f = Heatmap.figure(title, new CellGrid(Samples.GS, LONG, Samples.DRIVES, LONG), Samples.rates(),
                "a quantity with a long name that will not fit along the colour bar at all, not even on two lines",
                "spikes per second");
        SvgCanvas canvas = Layouts.assertTidy(f);
        long shortened = canvas.texts().stream().filter(t -> t.text().endsWith("…")).count();
        assertTrue(shortened >= 2, "the title and the y axis title need more than two lines: " + canvas.texts());
        String xTitle = canvas.texts().stream().filter(t -> t.box().width() > 400 && t.box().y() > 480)
                .map(TextBox::text).collect(Collectors.joining(" "));
        assertEquals(LONG, xTitle, "the x axis title fits on two lines, whole");
        for (TextBox t : canvas.texts()) {
            assertFalse(t.text().equals(title) || t.text().equals(LONG), "\"" + t.text() + "\" was drawn whole");
        }
    }

    @Test
    void everySampleIsTidyInSvgAndPngAlike() {
        for (Figure f : PlotSamplesTest.samples().values()) {
            SvgCanvas svg = Layouts.assertTidy(f);
            PngCanvas png = new PngCanvas(f.width(), f.height());
            f.draw(png);
            assertEquals(svg.texts(), png.texts(), f.title() + ": one layout for both formats");
        }
    }

    @Test
    void smallFiguresStayTidy() {
        Layouts.assertTidy(Figure.of("Rates", 300, 220, Heatmap.panel(new CellGrid(Samples.GS, Samples.G_TITLE,
                Samples.DRIVES, Samples.DRIVE_TITLE), Samples.rates(), "rate_e", "Hz")));
        Layouts.assertTidy(Figure.of("Raster", 320, 260, RasterPlot.panel(Samples.groups(2000, true), 0, 1000,
                new Reference(100, "analysis starts"), "spikes of 100 of 10,000 E and 25 of 2,500 I neurons")));
        Layouts.assertTidy(Figure.of("Spectrum", 260, 200, SpectrumPlot.panel(new double[] {0, 10, 20, 30},
                new double[] {1, 5, 80, 2}, "power")));
    }

    @Test
    void aConstantHeatmapAndAnEmptyOneStillDraw() {
        double[][] same = new double[3][2];
        for (double[] c : same) {
            Arrays.fill(c, 4.2);
        }
        CellGrid grid = new CellGrid(new double[] {1, 2, 3}, "a", new double[] {1, 2}, "b");
        SvgCanvas constant = Layouts.assertTidy(Heatmap.figure("constant", grid, same, "v", "mV"));
        assertEquals(6 + 1, constant.texts().stream().filter(t -> t.text().equals("4.2")).count(),
                "in each cell, and at the colour bar's middle tick");
        double[][] none = new double[3][2];
        for (double[] c : none) {
            Arrays.fill(c, Double.NaN);
        }
        SvgCanvas empty = Layouts.assertTidy(Heatmap.figure("empty", grid, none, "v", "mV"));
        assertFalse(empty.texts().stream().anyMatch(t -> t.text().contains("v (mV)")), "no colour bar without values");
        assertEquals(6, empty.texts().stream().filter(t -> t.text().equals("–")).count());
    }

    @Test
    void phaseDiagramListsEveryCategoryAndNoValue() {
        SvgCanvas canvas = Layouts.assertTidy(Samples.phaseDiagram());
        List<String> texts = canvas.texts().stream().map(TextBox::text).toList();
        for (String label : List.of("SR", "AI", "SI-fast", "SI-slow", "quiet", "no value", "synchronous regular")) {
            assertTrue(texts.contains(label), label + " in " + texts);
        }
        assertTrue(texts.contains("38.2 Hz") || texts.contains("42 Hz"), "the notes are shown: " + texts);
    }

    @Test
    void aCellOutsideTheCategoriesIsRefusedByName() {
        CellGrid grid = new CellGrid(new double[] {1, 2}, "a", new double[] {1}, "b");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CategoryMap.panel(grid,
                new String[][] {{"AI"}, {"chaos"}}, null, Category.palette("AI", "SR")));
        assertTrue(e.getMessage().contains("\"chaos\"") && e.getMessage().contains("[AI, SR]"), e.getMessage());
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> Heatmap.panel(grid, new double[][] {{1, 2}, {3, 4}}, "v", ""));
        assertTrue(shape.getMessage().contains("values[0]"), shape.getMessage());
    }

    @Test
    void aSilentGroupDrawsNothingAndTheCaptionSaysSo() {
        SvgCanvas canvas = Layouts.assertTidy(Samples.rasterWithSilentGroup());
        String svg = canvas.toSvg();
        assertFalse(svg.contains("<path d=\"M") && svg.matches("(?s).*<path[^>]*stroke=\"#d62728\".*"),
                "no mark and no line in the silent group's colour");
        assertTrue(canvas.texts().stream().anyMatch(t -> t.text().contains("I: no spikes")), canvas.texts().toString());
        List<RasterPlot.Group> silent = List.of(new RasterPlot.Group("E", RasterPlot.EXCITATORY, new int[0],
                new double[0], null));
        SvgCanvas nothing = Layouts.assertTidy(RasterPlot.figure("silent", silent, 0, 500, null, null));
        assertTrue(nothing.texts().stream().anyMatch(t -> t.text().equals("no spikes")));
        assertFalse(nothing.toSvg().contains("<path"), "not a single mark");
    }

    @Test
    void ellipsisAndWrapKeepWithinTheWidth() {
        String s = "synchronous irregular, fast oscillation";
        String cut = TextFit.ellipsize(s, 12, false, 100);
        assertTrue(cut.endsWith("…") && TextMetrics.width(cut, 12, false) <= 100, cut);
        assertEquals(s, TextFit.ellipsize(s, 12, false, 1000));
        assertEquals("", TextFit.ellipsize(s, 12, false, 2));
        List<String> lines = TextFit.wrap(LONG, 13, false, 200, 2);
        assertEquals(2, lines.size());
        assertTrue(lines.get(1).endsWith("…"));
        for (String line : lines) {
            assertTrue(TextMetrics.width(line, 13, false) <= 200, line);
        }
        List<String> all = new ArrayList<>(TextFit.wrap("a b c", 13, false, 1000, 2));
        assertEquals(List.of("a b c"), all);
    }

    @Test
    void stackedPanelsAndACaptionShareTheFigure() {
        Figure f = Samples.stacked(LONG + " " + LONG + " " + LONG);
        SvgCanvas canvas = Layouts.assertTidy(f);
        assertTrue(f.alt().startsWith("Rates and a cut through them. Heatmap of rate_e (Hz)"), f.alt());
        assertTrue(canvas.texts().stream().anyMatch(t -> t.text().startsWith("Mean over 3 seeds")));
    }

    @Test
    void histogramBinsAreChecked() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Histogram.panel(
                new double[] {0, 2, 1}, new double[] {1, 2}, "x", "n", false, null));
        assertTrue(e.getMessage().contains("[0.0, 2.0, 1.0]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Histogram.panel(new double[] {0, 1, 2}, new double[] {1, 2},
                "x", "n", true, null), "0 on a log axis");
        assertThrows(IllegalArgumentException.class, () -> Histogram.panel(new double[] {0, 1}, new double[] {1, 2},
                "x", "n", false, null), "one edge too few");
    }
}
