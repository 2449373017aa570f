package org.neurosweep.postprocess;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neurosweep.storage.NotATrajectoryFileException;
import org.neurosweep.storage.StorageException;
import org.neurosweep.storage.TrajectoryReader;
import org.neurosweep.trajectory.Parameter;

/**
 * An HTML report of a stored sweep: a heatmap of every numeric result over the two explored parameters
 * (a line plot with error bars when one is explored), a spike raster with the population rate for the
 * run at each corner of the grid (when runs stored spikes), the failed runs with their errors, and the
 * run table.
 */
public final class Report {
    /** Failed runs listed in the report; the others are counted. */
    private static final int FAILED_RUNS_SHOWN = 100;

    private Report() {
    }

    /**
     * Writes the report into {@code dir}, whole or not at all (see {@link ReportDirectory}); returns the
     * files written, index.html first. A result no run has a value of gets a note instead of a plot.
     *
     * @throws IllegalArgumentException if {@code dir} is a file or a directory that is not a report, or the
     *                                  sweep explores no parameter
     */
    public static List<Path> write(TrajectoryReader reader, Path dir) throws IOException {
        ReportDirectory target = ReportDirectory.of(dir);
        StoredSweep sweep = new StoredSweep(reader);
        if (sweep.explored().isEmpty()) {
            throw new IllegalArgumentException(reader.path() + " explores no parameter: nothing to plot");
        }
        Path written = target.begin();
        try {
            List<Path> files = new ArrayList<>();
            for (Path f : writeInto(reader, sweep, written)) {
                files.add(dir.resolve(f.getFileName()));
            }
            target.commit(written);
            return files;
        } finally {
            ReportDirectory.delete(written); // only there if something failed
        }
    }

    private static List<Path> writeInto(TrajectoryReader reader, StoredSweep sweep, Path dir) throws IOException {
        List<String> explored = sweep.explored();
        List<Path> files = new ArrayList<>();
        StringBuilder html = new StringBuilder();
        String name = sweep.trajectory().name();
        html.append("<!doctype html><html><head><meta charset=\"utf-8\"><title>").append(esc(name)).append("</title>")
                .append("<style>body{font-family:sans-serif;margin:2em}img{max-width:100%;margin:.5em 0}")
                .append("table{border-collapse:collapse;font-size:small}td,th{border:1px solid #ccc;padding:2px 6px;text-align:right}")
                .append(".grid{display:flex;flex-wrap:wrap;gap:1em}</style></head><body>")
                .append("<h1>").append(esc(name)).append("</h1><p>").append(esc(sweep.trajectory().comment())).append("</p><p>")
                .append(sweep.runCount()).append(" runs, seed ").append(reader.seed()).append(", neurosweep ")
                .append(esc(reader.neurosweepVersion())).append(reader.gitCommit() == null ? "" : ", git " + esc(reader.gitCommit()))
                .append("; file ").append(esc(reader.path().toString())).append("</p>");
        String x = explored.get(0);
        String y = explored.size() > 1 ? explored.get(1) : null;
        List<Double> xs = sweep.parameter(x);
        List<Double> ys = y == null ? null : sweep.parameter(y);
        String xLabel = sweep.label(x, comment(sweep, x));
        String yLabel = y == null ? null : sweep.label(y, comment(sweep, y));
        html.append("<h2>Results</h2><div class=\"grid\">");
        List<String> withoutValues = new ArrayList<>();
        for (String result : sweep.numericResults()) {
            Grid grid = Grid.of(xs, ys, sweep.result(result));
            if (grid.isEmpty()) {
                withoutValues.add(result);
                continue;
            }
            Path png = dir.resolve("result-" + result + ".png");
            String title = result + commentSuffix(reader, result);
            if (y == null) {
                Plots.line(grid, title, xLabel, title, png);
            } else {
                Plots.heatmap(grid, title, xLabel, yLabel, png);
            }
            files.add(png);
            html.append("<div><img src=\"").append(png.getFileName()).append("\" alt=\"").append(esc(result)).append("\"></div>");
        }
        html.append("</div>");
        if (!withoutValues.isEmpty()) {
            html.append("<p class=\"note\">Not plotted, as no run has a value (every one is NaN or the run did not complete): ")
                    .append(esc(String.join(", ", withoutValues))).append(".</p>");
        }
        List<Path> rasters = rasters(sweep, xs, ys, x, y, dir);
        if (!rasters.isEmpty()) {
            html.append("<h2>Spikes at the corners of the grid</h2><div class=\"grid\">");
            for (Path r : rasters) {
                html.append("<div><img src=\"").append(r.getFileName()).append("\"></div>");
            }
            html.append("</div>");
            files.addAll(rasters);
        }
        html.append(failedRuns(reader));
        html.append("<h2>Runs</h2>").append(htmlTable(RunTable.of(reader, List.of(), Map.of()))).append("</body></html>\n");
        Path index = dir.resolve("index.html");
        Files.writeString(index, html, StandardCharsets.UTF_8);
        files.add(0, index);
        return files;
    }

    private static List<Path> rasters(StoredSweep sweep, List<Double> xs, List<Double> ys, String x, String y, Path dir)
            throws IOException {
        List<Path> out = new ArrayList<>();
        double xMin = xs.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double xMax = xs.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double yMin = ys == null ? 0 : ys.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double yMax = ys == null ? 0 : ys.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        Set<Integer> corners = new LinkedHashSet<>();
        for (double cx : new double[] {xMin, xMax}) {
            for (double cy : new double[] {yMin, yMax}) {
                for (int i = 0; i < xs.size(); i++) {
                    if (xs.get(i) == cx && (ys == null || ys.get(i) == cy) && sweep.completed(i)) {
                        corners.add(i);
                        break;
                    }
                }
            }
        }
        for (int run : corners) {
            double[] times;
            int[] senders;
            try {
                times = sweep.spikeTimes(run);
                senders = sweep.spikeSenders(run)[0];
            } catch (NotATrajectoryFileException damaged) {
                throw damaged;
            } catch (StorageException noSpikes) {
                return out; // runs stored no spikes: no rasters
            }
            int neurons = 0;
            for (int s : senders) {
                neurons = Math.max(neurons, s);
            }
            Path png = dir.resolve(String.format("raster-run%d.png", run));
            String title = "run " + run + ": " + x + " = " + fmt(xs.get(run)) + (y == null ? "" : ", " + y + " = " + fmt(ys.get(run)));
            Plots.raster(senders, times, neurons, duration(sweep, times), title, png);
            out.add(png);
        }
        return out;
    }

    /** Writes one run's raster (used by the raster command). */
    public static void raster(TrajectoryReader reader, int run, Path png) throws IOException {
        StoredSweep sweep = new StoredSweep(reader);
        double[] times = sweep.spikeTimes(run);
        int[] senders = sweep.spikeSenders(run)[0];
        int neurons = 0;
        for (int s : senders) {
            neurons = Math.max(neurons, s);
        }
        StringBuilder title = new StringBuilder("run " + run);
        for (Parameter p : sweep.trajectory().exploredParameters()) {
            title.append(title.indexOf(":") < 0 ? ": " : ", ").append(p.name()).append(" = ").append(p.valueInRun(run));
        }
        Plots.raster(senders, times, neurons, duration(sweep, times), title.toString(), png);
    }

    private static double duration(StoredSweep sweep, double[] times) {
        try {
            Object t = sweep.trajectory().value("t_sim");
            if (t instanceof Number n) {
                return n.doubleValue();
            }
        } catch (RuntimeException noSuchParameter) {
            // fall back on the last spike
        }
        double last = 0;
        for (double t : times) {
            last = Math.max(last, t);
        }
        return Math.ceil(last);
    }

    private static String comment(StoredSweep sweep, String parameter) {
        return sweep.trajectory().parameter(parameter).comment();
    }

    private static String commentSuffix(TrajectoryReader reader, String result) {
        String c = reader.summaryComment(result);
        return c.isEmpty() ? "" : ": " + c;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** The failed runs (the first {@value #FAILED_RUNS_SHOWN}) with their values and errors' first lines, or "no failed runs". */
    private static String failedRuns(TrajectoryReader reader) {
        FailedRuns failed = FailedRuns.of(reader);
        StringBuilder sb = new StringBuilder("<h2>Failed runs</h2><p>").append(esc(failed.toString()));
        if (failed.isEmpty()) {
            return sb.append("</p>").toString();
        }
        List<FailedRun> shown = failed.first(FAILED_RUNS_SHOWN);
        if (shown.size() < failed.count()) {
            sb.append("; the first ").append(shown.size()).append(" below; all of them, with the whole errors: <code>neurosweep failures ")
                    .append(esc(reader.path().toString())).append(" --full</code>");
        }
        return sb.append("</p>").append(htmlTable(failed.table(shown, false))).toString();
    }

    private static String htmlTable(RunTable table) {
        StringBuilder sb = new StringBuilder("<table><tr>");
        for (String c : table.columns()) {
            sb.append("<th>").append(esc(c)).append("</th>");
        }
        sb.append("</tr>");
        for (List<Object> row : table.rows()) {
            sb.append("<tr>");
            for (Object v : row) {
                sb.append("<td>").append(esc(RunTable.format(v))).append("</td>");
            }
            sb.append("</tr>");
        }
        return sb.append("</table>").toString();
    }

    private static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
