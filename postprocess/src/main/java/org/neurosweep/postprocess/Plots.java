package org.neurosweep.postprocess;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** PNG plots with titles, labelled axes (with units) and colour scales, drawn with XChart, headless. */
public final class Plots {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private static final Color[] SCALE = {new Color(13, 8, 135), new Color(126, 3, 168), new Color(204, 71, 120),
        new Color(248, 149, 64), new Color(240, 249, 33)};

    private Plots() {
    }

    /**
     * A heatmap of a grid's means: x across, y up, with a colour scale and the value in each cell.
     *
     * @throws IllegalArgumentException if the grid is empty (no run has a value)
     */
    public static void heatmap(Grid grid, String title, String xLabel, String yLabel, Path png) throws IOException {
        requireValues(grid, title);
        HeatMapChart chart = new HeatMapChartBuilder().width(720).height(560).title(title).xAxisTitle(xLabel)
                .yAxisTitle(yLabel).build();
        List<Number[]> cells = new ArrayList<>();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < grid.xs().size(); i++) {
            for (int j = 0; j < grid.ys().size(); j++) {
                double m = grid.mean(i, j);
                if (!Double.isNaN(m)) {
                    cells.add(new Number[] {i, j, round(m)});
                    min = Math.min(min, m);
                    max = Math.max(max, m);
                }
            }
        }
        chart.addSeries(title, labels(grid.xs()), labels(grid.ys()), cells);
        chart.getStyler().setRangeColors(SCALE);
        chart.getStyler().setShowValue(true);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        if (min < max) {
            chart.getStyler().setMin(min);
            chart.getStyler().setMax(max);
        }
        save(BitmapEncoder.getBufferedImage(chart), png);
    }

    /**
     * Mean and standard deviation (error bars) of a 1-D grid.
     *
     * @throws IllegalArgumentException if the grid is empty (no run has a value)
     */
    public static void line(Grid grid, String title, String xLabel, String yLabel, Path png) throws IOException {
        requireValues(grid, title);
        XYChart chart = new XYChartBuilder().width(720).height(480).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        List<Double> err = new ArrayList<>();
        for (int i = 0; i < grid.xs().size(); i++) {
            if (!Double.isNaN(grid.mean(i, 0))) {
                x.add(grid.xs().get(i));
                y.add(grid.mean(i, 0));
                err.add(grid.std(i, 0));
            }
        }
        XYSeries s = chart.addSeries("mean ± std", x, y, err);
        s.setMarker(SeriesMarkers.CIRCLE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendVisible(false);
        save(BitmapEncoder.getBufferedImage(chart), png);
    }

    /**
     * A spike raster (neuron against time) over the population rate in 1 ms bins (spikes per second per
     * neuron), in one image.
     */
    public static void raster(int[] senders, double[] times, int neurons, double durationMs, String title, Path png)
            throws IOException {
        XYChart dots = new XYChartBuilder().width(900).height(420).title(title).xAxisTitle("time (ms)").yAxisTitle("neuron id")
                .build();
        List<Double> x = new ArrayList<>(times.length);
        List<Double> y = new ArrayList<>(times.length);
        for (int k = 0; k < times.length; k++) {
            x.add(times[k]);
            y.add((double) senders[k]);
        }
        if (x.isEmpty()) {
            x.add(0.0);
            y.add(0.0);
        }
        XYSeries s = dots.addSeries("spikes", x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CIRCLE);
        dots.getStyler().setMarkerSize(2);
        dots.getStyler().setLegendVisible(false);
        dots.getStyler().setXAxisMin(0.0);
        dots.getStyler().setXAxisMax(durationMs);
        dots.getStyler().setChartBackgroundColor(Color.WHITE);
        int bins = Math.max(1, (int) Math.ceil(durationMs));
        double[] rate = new double[bins];
        for (double t : times) {
            rate[Math.min(bins - 1, (int) Math.floor(Math.max(0, t - 1e-9)))] += 1000.0 / Math.max(1, neurons);
        }
        List<Double> bx = new ArrayList<>(bins);
        List<Double> by = new ArrayList<>(bins);
        for (int b = 0; b < bins; b++) {
            bx.add(b + 0.5);
            by.add(rate[b]);
        }
        XYChart pop = new XYChartBuilder().width(900).height(220).title("population rate, 1 ms bins")
                .xAxisTitle("time (ms)").yAxisTitle("rate (Hz)").build();
        pop.addSeries("rate", bx, by).setMarker(SeriesMarkers.NONE);
        pop.getStyler().setLegendVisible(false);
        pop.getStyler().setXAxisMin(0.0);
        pop.getStyler().setXAxisMax(durationMs);
        pop.getStyler().setChartBackgroundColor(Color.WHITE);
        BufferedImage top = BitmapEncoder.getBufferedImage(dots);
        BufferedImage bottom = BitmapEncoder.getBufferedImage(pop);
        BufferedImage both = new BufferedImage(900, top.getHeight() + bottom.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = both.createGraphics();
        g.drawImage(top, 0, 0, null);
        g.drawImage(bottom, 0, top.getHeight(), null);
        g.dispose();
        save(both, png);
    }

    private static void requireValues(Grid grid, String title) {
        if (grid.isEmpty()) {
            throw new IllegalArgumentException(title + ": no run has a value (every one is NaN or the run did not complete);"
                    + " nothing to plot");
        }
    }

    /**
     * Writes the image as PNG to exactly {@code png} (whatever its name), whole or not at all: into a
     * temporary file beside it, then renamed into place.
     */
    private static void save(BufferedImage image, Path png) throws IOException {
        Path dir = png.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + png.getFileName(), ".tmp");
        try {
            if (!ImageIO.write(image, "png", tmp.toFile())) {
                throw new IOException("no PNG writer in this JVM");
            }
            Files.move(tmp, png, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static List<String> labels(List<Double> values) {
        List<String> out = new ArrayList<>();
        for (double v : values) {
            out.add(v == Math.rint(v) && Math.abs(v) < 1e9 ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.3g", v));
        }
        return out;
    }

    private static double round(double v) {
        if (v == 0 || Double.isInfinite(v)) {
            return v;
        }
        double scale = Math.pow(10, 2 - Math.floor(Math.log10(Math.abs(v))));
        return Math.round(v * scale) / scale;
    }
}
