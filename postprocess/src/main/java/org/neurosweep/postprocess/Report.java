package org.neurosweep.postprocess;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neurosweep.postprocess.plot.Figure;
import org.neurosweep.storage.TrajectoryReader;

/**
 * An HTML report of a stored sweep (docs/report.md): what was run (explored and fixed parameters with
 * units and comments, runs, time), a phase diagram of every string result with few values next to
 * heatmaps of the numeric results over the two explored parameters (a line with error bars over one),
 * the figures of representative runs, failed runs with their errors, the run table with units, a page
 * per run and a page of diagnostics (results named {@code diagnostics.*} and run times). Figures are SVG,
 * each with alt text.
 */
public final class Report {
    /** Sweeps of up to this many runs get a page per completed run; larger ones only for the representatives. */
    static final int RUN_PAGES = 200;
    /** Numeric results whose name starts with this go to the diagnostics page. */
    static final String DIAGNOSTICS = "diagnostics.";

    private Report() {
    }

    /**
     * Writes the report into {@code dir}, whole or not at all (see {@link ReportDirectory}); returns the
     * files written, index.html first.
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
            for (Path f : new Report.Writer(sweep, written).write()) {
                files.add(dir.resolve(f.getFileName()));
            }
            target.commit(written);
            return files;
        } finally {
            ReportDirectory.delete(written); // only there if something failed
        }
    }

    /** Writes one run's raster over its population rates to {@code file} (.svg or .png); used by {@code raster}. */
    public static void raster(TrajectoryReader reader, int run, Path file) throws IOException {
        StoredSweep sweep = new StoredSweep(reader);
        Figure f = new RunFigures(sweep, run).raster(new LinkedHashMap<>());
        if (f == null) {
            throw new IllegalArgumentException("run " + run + " stored no spikes (runs.$set.$.spikes.<population>.senders"
                    + " and .times, or runs.$set.$.spikes.senders and .times)");
        }
        f.save(file);
    }

    /**
     * Writes a heatmap of result {@code z} over explored parameters {@code x} and {@code y} (a line with error
     * bars over {@code x} when {@code y} is null) to {@code file} (.svg or .png); used by {@code plot}.
     */
    public static void plot(TrajectoryReader reader, String x, String y, String z, Path file) throws IOException {
        new SweepFigures(new StoredSweep(reader), x, y).numeric(z).save(file);
    }

    /** The pages of one report, written into a directory. */
    private static final class Writer {
        private final StoredSweep sweep;
        private final Path dir;
        private final SweepFigures figures;
        private final List<Path> files = new ArrayList<>();

        Writer(StoredSweep sweep, Path dir) {
            this.sweep = sweep;
            this.dir = dir;
            this.figures = new SweepFigures(sweep);
        }

        List<Path> write() throws IOException {
            Map<String, Integer> shown = representatives();
            List<Integer> runPages = new ArrayList<>();
            for (int r = 0; r < sweep.runCount(); r++) {
                if (sweep.completed(r) && (sweep.runCount() <= RUN_PAGES || shown.containsValue(r))) {
                    runPages.add(r);
                }
            }
            Map<Integer, String> runFigures = new LinkedHashMap<>();
            for (int k = 0; k < runPages.size(); k++) {
                int r = runPages.get(k);
                runFigures.put(r, runPage(r, k > 0 ? runPages.get(k - 1) : -1, k + 1 < runPages.size() ? runPages.get(k + 1) : -1));
            }
            StringBuilder body = new StringBuilder();
            body.append(ReportPage.header(sweep, figures));
            body.append(results());
            body.append(representativeRuns(shown, runFigures));
            body.append(ReportPage.failedRuns(sweep.reader()));
            body.append("<h2 id=\"runs\">Runs</h2>").append(ReportPage.runTable(sweep, runPages));
            Path index = dir.resolve("index.html");
            Files.writeString(index, ReportHtml.page(sweep.trajectory().name(), body.toString()), StandardCharsets.UTF_8);
            files.add(0, index);
            diagnostics();
            return files;
        }

        /** One run per category of the first phase diagram, or the grid's corners without one. */
        private Map<String, Integer> representatives() {
            Map<String, Integer> out = new LinkedHashMap<>();
            List<String> categorical = figures.categorical();
            if (!categorical.isEmpty()) {
                String result = categorical.get(0);
                figures.representatives(result).forEach((label, run) -> out.put(result + " = " + label, run));
            } else {
                for (int run : figures.corners()) {
                    out.put("corner", run);
                }
            }
            return out;
        }

        private String results() throws IOException {
            StringBuilder html = new StringBuilder();
            List<String> numeric = new ArrayList<>();
            for (String r : sweep.numericResults()) {
                if (!r.startsWith(DIAGNOSTICS)) {
                    numeric.add(r);
                }
            }
            List<String> categorical = figures.categorical();
            String note = numeric.isEmpty() ? null : numeric.get(0);
            StringBuilder phases = new StringBuilder();
            for (String c : categorical) {
                String comment = sweep.comment(c);
                String caption = comment + (comment.isEmpty() || comment.endsWith(".") ? "" : ".")
                        + (note == null ? "" : " The second line in each cell: " + note + ".");
                phases.append(ReportHtml.figure(figures.phaseDiagram(c, note), dir, "phase-" + fileName(c) + ".svg",
                        caption.trim(), false, files));
            }
            html.append("<h2 id=\"results\">").append(categorical.isEmpty() ? "Results" : "Phase diagram and results")
                    .append(" over ").append(ReportHtml.esc(figures.describeAxes())).append("</h2>");
            html.append(numericFigures(numeric, "result-", phases.toString()));
            return html.toString();
        }

        /** Figures of the results with values, constants as one line each, results without values named. */
        private String numericFigures(List<String> results, String prefix, String first) throws IOException {
            StringBuilder figs = new StringBuilder("<div class=\"figs\">").append(first);
            List<String> constants = new ArrayList<>();
            List<String> empty = new ArrayList<>();
            for (String r : results) {
                if (!figures.hasValues(r)) {
                    empty.add(r);
                    continue;
                }
                double c = figures.constant(r);
                if (!Double.isNaN(c)) {
                    constants.add(ReportHtml.esc(r) + " = " + org.neurosweep.postprocess.plot.Format.sig3(c)
                            + (sweep.unit(r).isEmpty() ? "" : " " + ReportHtml.esc(sweep.unit(r))));
                    continue;
                }
                figs.append(ReportHtml.figure(figures.numeric(r), dir, prefix + fileName(r) + ".svg", caption(r), false, files));
            }
            figs.append("</div>");
            if (!constants.isEmpty()) {
                figs.append("<p>The same in every completed run: ").append(String.join("; ", constants)).append(".</p>");
            }
            if (!empty.isEmpty()) {
                figs.append("<p class=\"note\">Not plotted, as no run has a value (every one is NaN or the run did not complete): ")
                        .append(ReportHtml.esc(String.join(", ", empty))).append(".</p>");
            }
            return figs.toString();
        }

        private String caption(String result) {
            String unit = sweep.unit(result);
            return result + (unit.isEmpty() ? "" : " (" + unit + ")") + (sweep.comment(result).isEmpty() ? "" : ": " + sweep.comment(result));
        }

        private String representativeRuns(Map<String, Integer> shown, Map<Integer, String> runFigures) {
            StringBuilder html = new StringBuilder();
            for (Map.Entry<String, Integer> e : shown.entrySet()) {
                int run = e.getValue();
                String figs = runFigures.getOrDefault(run, "");
                if (figs.isEmpty()) {
                    continue;
                }
                html.append("<h3>").append(ReportHtml.esc(RunFigures.title(sweep, run)))
                        .append(e.getKey().equals("corner") ? "" : " (" + ReportHtml.esc(e.getKey()) + ")")
                        .append(" <a href=\"run-").append(run).append(".html\">its page</a></h3>").append(figs);
            }
            return html.length() == 0 ? "" : "<h2 id=\"examples\">Runs in detail</h2>" + html;
        }

        /** Writes run-N.html and its figures; returns the figures' HTML (empty if the run stored none). */
        private String runPage(int run, int previous, int next) throws IOException {
            Map<String, String> captions = new LinkedHashMap<>();
            Map<String, Figure> all = new RunFigures(sweep, run).all(captions);
            StringBuilder figs = new StringBuilder();
            if (!all.isEmpty()) {
                figs.append("<div class=\"figs\">");
                for (Map.Entry<String, Figure> f : all.entrySet()) {
                    figs.append(ReportHtml.figure(f.getValue(), dir, "run" + run + "-" + f.getKey() + ".svg",
                            captions.get(f.getKey()), f.getKey().equals("raster"), files));
                }
                figs.append("</div>");
            }
            String title = RunFigures.title(sweep, run);
            String body = "<nav><a href=\"index.html\">the sweep</a>" + (previous >= 0 ? "<a href=\"run-" + previous
                    + ".html\">run " + previous + "</a>" : "") + (next >= 0 ? "<a href=\"run-" + next + ".html\">run " + next
                    + "</a>" : "") + "</nav><h1>" + ReportHtml.esc(title) + "</h1>" + ReportPage.runValues(sweep, run)
                    + figs;
            Path page = dir.resolve("run-" + run + ".html");
            Files.writeString(page, ReportHtml.page(sweep.trajectory().name() + ": " + title, body), StandardCharsets.UTF_8);
            files.add(page);
            return figs.toString();
        }

        private void diagnostics() throws IOException {
            List<String> diag = new ArrayList<>();
            for (String r : sweep.numericResults()) {
                if (r.startsWith(DIAGNOSTICS)) {
                    diag.add(r);
                }
            }
            StringBuilder body = new StringBuilder("<nav><a href=\"index.html\">the sweep</a></nav><h1>")
                    .append(ReportHtml.esc(sweep.trajectory().name())).append(": diagnostics</h1>")
                    .append("<p>").append(ReportPage.timing(sweep)).append("</p>").append(numericFigures(diag, "diagnostics-", ""));
            Path page = dir.resolve("diagnostics.html");
            Files.writeString(page, ReportHtml.page(sweep.trajectory().name() + ": diagnostics", body.toString()),
                    StandardCharsets.UTF_8);
            files.add(page);
        }
    }

    static String fileName(String name) {
        return name.replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
