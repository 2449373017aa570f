package org.neurosweep.postprocess;

import java.io.IOException;
import java.io.Writer;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.neurosweep.storage.StoredRuns;
import org.neurosweep.storage.TrajectoryReader;
import org.neurosweep.trajectory.Branch;
import org.neurosweep.trajectory.Parameter;
import org.neurosweep.trajectory.RunRecord;
import org.neurosweep.trajectory.RunStatus;
import org.neurosweep.trajectory.RunValue;
import org.neurosweep.trajectory.Trajectory;
import org.neurosweep.trajectory.ValueType;

/**
 * One row per run: the run index, the explored parameters' values, then scalar results, the status when
 * any run is not completed (results of runs not completed are empty), and the first line of each failed
 * run's error when any run failed (column {@value #ERROR}).
 */
public final class RunTable {
    /** The column holding the first line of a failed run's error (empty for the other runs). */
    public static final String ERROR = "error";

    private final List<String> columns;
    private final List<List<Object>> rows;

    private RunTable(List<String> columns, List<List<Object>> rows) {
        this.columns = List.copyOf(columns);
        this.rows = Collections.unmodifiableList(rows);
    }

    /** A table of these cells (used for tables of other things than runs' results, such as failures). */
    static RunTable of(List<String> columns, List<List<Object>> rows) {
        return new RunTable(columns, rows);
    }

    /** The table of these runs of the trajectory (in memory). */
    public static RunTable of(Trajectory trajectory, List<RunRecord> records) {
        List<Parameter> explored = trajectory.exploredParameters();
        Set<String> results = new LinkedHashSet<>();
        boolean anyNotCompleted = false;
        boolean anyFailed = false;
        for (RunRecord r : records) {
            anyNotCompleted |= r.status() != RunStatus.COMPLETED;
            anyFailed |= r.status() == RunStatus.FAILED;
            for (RunValue v : r.values()) {
                if (v.summary() && v.branch() == Branch.RESULTS) {
                    results.add(v.path());
                }
            }
        }
        List<String> columns = header(trajectory, explored, results, anyNotCompleted, anyFailed);
        List<List<Object>> rows = new ArrayList<>(records.size());
        for (RunRecord r : records) {
            List<Object> row = new ArrayList<>(columns.size());
            row.add(r.index());
            explored.forEach(p -> row.add(p.valueInRun(r.index())));
            results.forEach(name -> row.add(r.status() == RunStatus.COMPLETED ? r.summaryResult(name) : null));
            if (anyNotCompleted) {
                row.add(r.status().label());
            }
            if (anyFailed) {
                row.add(r.status() == RunStatus.FAILED ? FailedRun.firstLineOf(r.error()) : null);
            }
            rows.add(row);
        }
        return new RunTable(columns, rows);
    }

    /**
     * The table of a stored trajectory, read column by column (no per-run group is touched).
     *
     * @param results the summary results to show (empty: all)
     * @param where   explored parameter or scalar result name to the value a row must have (see {@link RunFilter})
     * @throws IllegalArgumentException for a condition on an unknown name, a value of the wrong type, or a value no run has
     */
    public static RunTable of(TrajectoryReader reader, List<String> results, Map<String, String> where) {
        Trajectory t = reader.trajectory();
        List<Parameter> explored = t.exploredParameters();
        List<String> names = results.isEmpty() ? reader.summaryNames(Branch.RESULTS) : results;
        List<Object> data = new ArrayList<>();
        Map<String, Object> read = new HashMap<>();
        for (String name : names) {
            data.add(reader.summaryColumn(name));
            read.put(name, data.get(data.size() - 1));
        }
        StoredRuns runs = reader.runTable();
        long[] counts = runs.countByStatus();
        boolean anyNotCompleted = counts[RunStatus.COMPLETED.ordinal()] != runs.size();
        boolean anyFailed = counts[RunStatus.FAILED.ordinal()] > 0;
        List<String> columns = header(t, explored, new LinkedHashSet<>(names), anyNotCompleted, anyFailed);
        RunFilter filter = RunFilter.of(reader, runs, where, read);
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            if (!filter.matches(i)) {
                continue;
            }
            boolean completed = runs.status(i) == RunStatus.COMPLETED;
            List<Object> row = new ArrayList<>(columns.size());
            row.add((long) i);
            for (Parameter p : explored) {
                row.add(p.valueInRun(i));
            }
            for (Object column : data) {
                row.add(completed ? Array.get(column, i) : null);
            }
            if (anyNotCompleted) {
                row.add(runs.status(i).label());
            }
            if (anyFailed) {
                row.add(runs.status(i) == RunStatus.FAILED ? FailedRun.firstLineOf(runs.error(i)) : null);
            }
            rows.add(row);
        }
        return new RunTable(columns, rows);
    }

    private static List<String> header(Trajectory t, List<Parameter> explored, Set<String> results, boolean status, boolean error) {
        List<String> columns = new ArrayList<>();
        columns.add("run");
        explored.forEach(p -> columns.add(shortName(t, p)));
        columns.addAll(results);
        if (status) {
            columns.add("status");
        }
        if (error) {
            columns.add(ERROR);
        }
        return columns;
    }

    /** The leaf's own name if it resolves uniquely, else its path below {@code parameters}. */
    static String shortName(Trajectory t, Parameter p) {
        try {
            if (t.node(p.name()) == p) {
                return p.name();
            }
        } catch (RuntimeException ambiguous) {
            // fall through to the longer name
        }
        return p.fullPath().substring("parameters.".length());
    }

    public List<String> columns() {
        return columns;
    }

    /** The rows; a cell is null where a run has no such result. */
    public List<List<Object>> rows() {
        return rows;
    }

    /** The table as aligned text, one header line and one line per run. */
    public String toText() {
        int[] width = new int[columns.size()];
        List<String[]> cells = new ArrayList<>();
        cells.add(columns.toArray(new String[0]));
        for (List<Object> row : rows) {
            String[] line = new String[row.size()];
            for (int c = 0; c < line.length; c++) {
                line[c] = format(row.get(c));
            }
            cells.add(line);
        }
        for (String[] line : cells) {
            for (int c = 0; c < line.length; c++) {
                width[c] = Math.max(width[c], line[c].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] line : cells) {
            StringBuilder text = new StringBuilder();
            for (int c = 0; c < line.length; c++) {
                if (c > 0) {
                    text.append("  ");
                }
                String pad = " ".repeat(width[c] - line[c].length());
                text.append(isNumber(line[c]) ? pad + line[c] : line[c] + pad);
            }
            // empty cells at the end of a row (a completed run's error) leave no trailing blanks
            sb.append(text.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    /** The table as CSV (RFC 4180 quoting; numbers at full precision; empty cells for missing results). */
    public void writeCsv(Writer out) throws IOException {
        out.write(String.join(",", columns.stream().map(RunTable::csvCell).toList()));
        out.write("\n");
        writeCsvRows(out);
    }

    /** The rows as CSV, without the header (to write a table a part at a time). */
    void writeCsvRows(Writer out) throws IOException {
        for (List<Object> row : rows) {
            List<String> cells = new ArrayList<>(row.size());
            for (Object v : row) {
                cells.add(v == null ? "" : v instanceof Double d ? Double.toString(d) : csvCell(ValueType.format(v)));
            }
            out.write(String.join(",", cells));
            out.write("\n");
        }
    }

    private static String csvCell(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static boolean isNumber(String s) {
        return !s.isEmpty() && (Character.isDigit(s.charAt(0)) || s.charAt(0) == '-' && s.length() > 1);
    }

    static String format(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            double x = d;
            if (x == Math.rint(x) && Math.abs(x) < 1e15) {
                return (long) x + ".0";
            }
            return String.format(Locale.ROOT, "%.6g", x);
        }
        return ValueType.format(v);
    }
}
