package org.neurosweep.postprocess;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.neurosweep.postprocess.plot.Format;
import org.neurosweep.storage.StoredRuns;
import org.neurosweep.storage.TrajectoryReader;
import org.neurosweep.trajectory.Branch;
import org.neurosweep.trajectory.Leaf;
import org.neurosweep.trajectory.Parameter;
import org.neurosweep.trajectory.RunStatus;
import org.neurosweep.trajectory.RunValue;

/** The report's text parts: what was run, its time, the parameters, failures, the run table, one run's values. */
final class ReportPage {
    /** Failed runs listed in the report; the others are counted. */
    private static final int FAILED_RUNS_SHOWN = 100;

    private ReportPage() {
    }

    /** The title, comment, the sweep's size, status counts and time, the file, and the parameters. */
    static String header(StoredSweep sweep, SweepFigures figures) {
        TrajectoryReader reader = sweep.reader();
        StringBuilder html = new StringBuilder("<h1>").append(ReportHtml.esc(sweep.trajectory().name())).append("</h1>");
        if (!sweep.trajectory().comment().isEmpty()) {
            html.append("<p>").append(ReportHtml.esc(sweep.trajectory().comment())).append("</p>");
        }
        long[] byStatus = sweep.runs().countByStatus();
        StringBuilder counts = new StringBuilder();
        for (RunStatus s : RunStatus.values()) {
            if (byStatus[s.ordinal()] > 0) {
                counts.append(counts.length() == 0 ? "" : ", ").append(Format.count(byStatus[s.ordinal()])).append(' ').append(s.label());
            }
        }
        html.append("<p><b>").append(Format.count(sweep.runCount())).append(" runs</b> over ")
                .append(ReportHtml.esc(String.join(" × ", sweep.explored()))).append(" (").append(counts).append("). ")
                .append(timing(sweep)).append(" Seed ").append(reader.seed()).append("; neurosweep ")
                .append(ReportHtml.esc(reader.neurosweepVersion()))
                .append(reader.gitCommit() == null ? "" : ", git " + ReportHtml.esc(reader.gitCommit()))
                .append("; file <code>").append(ReportHtml.esc(reader.path().toString())).append("</code>.</p>")
                .append("<nav><a href=\"#parameters\">parameters</a>")
                .append("<a href=\"#results\">").append(figures.categorical().isEmpty() ? "results" : "phase diagram and results").append("</a><a href=\"#failed\">failed runs</a><a href=\"#runs\">run table</a>")
                .append("<a href=\"diagnostics.html\">diagnostics</a></nav>");
        html.append("<h2 id=\"parameters\">Parameters</h2>").append(parameters(sweep));
        return html.toString();
    }

    /** "Runs took 24.8 s in all, 31.2 s from the first start to the last end." (runs completed or failed). */
    static String timing(StoredSweep sweep) {
        StoredRuns runs = sweep.runs();
        double total = 0;
        long first = Long.MAX_VALUE;
        double last = Long.MIN_VALUE;
        int timed = 0;
        int finished = 0;
        for (int r = 0; r < runs.size(); r++) {
            RunStatus s = runs.status(r);
            finished += s == RunStatus.COMPLETED || s == RunStatus.FAILED ? 1 : 0;
            if ((s == RunStatus.COMPLETED || s == RunStatus.FAILED) && runs.start()[r] > 0) {
                total += runs.duration()[r];
                first = Math.min(first, runs.start()[r]);
                last = Math.max(last, runs.start()[r] + runs.duration()[r] * 1000);
                timed++;
            }
        }
        if (timed == 0) {
            return finished == 0 ? "No run has finished yet." : "The runs' times were not recorded.";
        }
        return "Runs took " + Format.sig3(total) + " s in all, " + Format.sig3((last - first) / 1000.0)
                + " s from the first start to the last end.";
    }

    /** Every parameter: its value (the explored values for an explored one), unit and comment. */
    static String parameters(StoredSweep sweep) {
        List<List<String>> rows = new ArrayList<>();
        for (Leaf leaf : sweep.trajectory().leaves(Branch.PARAMETERS)) {
            if (!(leaf instanceof Parameter p)) {
                continue;
            }
            String value;
            if (p.isExplored()) {
                TreeSet<String> distinct = new TreeSet<>();
                List<Object> range = p.range();
                List<Object> sorted = new ArrayList<>(range);
                sorted.sort((a, b) -> a instanceof Number x && b instanceof Number y
                        ? Double.compare(x.doubleValue(), y.doubleValue()) : String.valueOf(a).compareTo(String.valueOf(b)));
                List<String> shown = new ArrayList<>();
                for (Object v : sorted) {
                    if (distinct.add(text(v)) && shown.size() < 20) {
                        shown.add(text(v));
                    }
                }
                value = "<b>explored</b>: " + ReportHtml.esc(String.join(", ", shown))
                        + (distinct.size() > shown.size() ? " … (" + distinct.size() + " values)" : "");
            } else {
                value = ReportHtml.esc(text(p.value()));
            }
            rows.add(List.of(ReportHtml.esc(p.fullPath().substring("parameters.".length())), value,
                    ReportHtml.esc(p.unit()), ReportHtml.esc(p.comment())));
        }
        return ReportHtml.table(List.of("parameter", "value", "unit", "comment"), rows, null);
    }

    /** The failed runs (the first {@value #FAILED_RUNS_SHOWN}) with their values and errors' first lines, or "no failed runs". */
    static String failedRuns(TrajectoryReader reader) {
        FailedRuns failed = FailedRuns.of(reader);
        StringBuilder sb = new StringBuilder("<h2 id=\"failed\">Failed runs</h2><p>").append(ReportHtml.esc(failed.toString()));
        if (failed.isEmpty()) {
            return sb.append("</p>").toString();
        }
        List<FailedRun> shown = failed.first(FAILED_RUNS_SHOWN);
        if (shown.size() < failed.count()) {
            sb.append("; the first ").append(shown.size()).append(" below");
        }
        sb.append("; every one with its whole error: <code>neurosweep failures ").append(ReportHtml.esc(reader.path().toString()))
                .append(" --full</code></p>");
        RunTable t = failed.table(shown, false);
        return sb.append(table(t, null, null)).toString();
    }

    /** The run table with units in the header; run numbers link to run pages where there is one. */
    static String runTable(StoredSweep sweep, List<Integer> runPages) {
        RunTable t = RunTable.of(sweep.reader(), List.of(), Map.of());
        List<String> header = new ArrayList<>();
        for (String c : t.columns()) {
            String unit = "";
            if (sweep.numericResults().contains(c)) {
                unit = sweep.unit(c);
            } else {
                try {
                    unit = sweep.trajectory().parameter(c).unit();
                } catch (RuntimeException notAParameter) {
                    unit = "";
                }
            }
            header.add(Format.withUnit(c, unit));
        }
        return table(t, header, runPages);
    }

    private static String table(RunTable t, List<String> header, List<Integer> runPages) {
        List<List<String>> rows = new ArrayList<>();
        boolean[] numeric = new boolean[t.columns().size()];
        for (List<Object> row : t.rows()) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < row.size(); c++) {
                Object v = row.get(c);
                numeric[c] |= v instanceof Number;
                String text = ReportHtml.esc(v instanceof Double d ? Format.sig3(d) : v == null ? "" : RunTable.format(v));
                if (c == 0 && runPages != null && v instanceof Number n && runPages.contains(n.intValue())) {
                    text = "<a href=\"run-" + n.intValue() + ".html\">" + text + "</a>";
                }
                cells.add(text);
            }
            rows.add(cells);
        }
        return ReportHtml.table(header == null ? t.columns() : header, rows, numeric);
    }

    /** One run's scalar results with units and comments. */
    static String runValues(StoredSweep sweep, int run) {
        List<List<String>> rows = new ArrayList<>();
        for (RunValue v : sweep.reader().runValues(run)) {
            if (v.summary() && v.branch() == Branch.RESULTS) {
                rows.add(List.of(ReportHtml.esc(v.path()), ReportHtml.esc(v.value() instanceof Double d ? Format.sig3(d) : text(v.value())),
                        ReportHtml.esc(v.unit()), ReportHtml.esc(v.comment())));
            }
        }
        return rows.isEmpty() ? "" : ReportHtml.table(List.of("result", "value", "unit", "comment"), rows, new boolean[] {false, true});
    }

    private static String text(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            return Format.sig3(d);
        }
        if (v.getClass().isArray()) {
            StringBuilder sb = new StringBuilder("[");
            int n = Array.getLength(v);
            for (int i = 0; i < Math.min(n, 10); i++) {
                sb.append(i == 0 ? "" : ", ").append(text(Array.get(v, i)));
            }
            return sb.append(n > 10 ? ", … (" + n + ")]" : "]").toString();
        }
        return String.valueOf(v);
    }
}
