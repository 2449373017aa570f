package org.neurosweep.postprocess;

import java.io.IOException;
import java.io.Writer;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collections;
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
 * One row per run: the run index, the explored parameters' values, then scalar results, and the status
 * when any run is not completed (results of runs not completed are empty).
 */
public final class RunTable {
    private final List<String> columns;
    private final List<List<Object>> rows;

    private RunTable(List<String> columns, List<List<Object>> rows) {
        this.columns = List.copyOf(columns);
        this.rows = Collections.unmodifiableList(rows);
    }

    /** The table of these runs of the trajectory (in memory). */
    public static RunTable of(Trajectory trajectory, List<RunRecord> records) {
        List<Parameter> explored = trajectory.exploredParameters();
        Set<String> results = new LinkedHashSet<>();
        boolean anyFailed = false;
        for (RunRecord r : records) {
            anyFailed |= r.status() != RunStatus.COMPLETED;
            for (RunValue v : r.values()) {
                if (v.summary() && v.branch() == Branch.RESULTS) {
                    results.add(v.path());
                }
            }
        }
        List<String> columns = header(trajectory, explored, results, anyFailed);
        List<List<Object>> rows = new ArrayList<>(records.size());
        for (RunRecord r : records) {
            List<Object> row = new ArrayList<>(columns.size());
            row.add(r.index());
            explored.forEach(p -> row.add(p.valueInRun(r.index())));
            results.forEach(name -> row.add(r.status() == RunStatus.COMPLETED ? r.summaryResult(name) : null));
            if (anyFailed) {
                row.add(r.status().label());
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
        for (String name : names) {
            data.add(reader.summaryColumn(name));
        }
        StoredRuns runs = reader.runTable();
        boolean anyNotCompleted = runs.countByStatus()[RunStatus.COMPLETED.ordinal()] != runs.size();
        List<String> columns = header(t, explored, new LinkedHashSet<>(names), anyNotCompleted);
        RunFilter filter = RunFilter.of(reader, runs, where);
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
            rows.add(row);
        }
        return new RunTable(columns, rows);
    }

    private static List<String> header(Trajectory t, List<Parameter> explored, Set<String> results, boolean status) {
        List<String> columns = new ArrayList<>();
        columns.add("run");
        explored.forEach(p -> columns.add(shortName(t, p)));
        columns.addAll(results);
        if (status) {
            columns.add("status");
        }
        return columns;
    }

    /** The leaf's own name if it resolves uniquely, else its path below {@code parameters}. */
    private static String shortName(Trajectory t, Parameter p) {
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
            for (int c = 0; c < line.length; c++) {
                if (c > 0) {
                    sb.append("  ");
                }
                String pad = " ".repeat(width[c] - line[c].length());
                sb.append(isNumber(line[c]) ? pad + line[c] : line[c] + (c == line.length - 1 ? "" : pad));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** The table as CSV (RFC 4180 quoting; numbers at full precision; empty cells for missing results). */
    public void writeCsv(Writer out) throws IOException {
        out.write(String.join(",", columns.stream().map(RunTable::csvCell).toList()));
        out.write("\n");
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
