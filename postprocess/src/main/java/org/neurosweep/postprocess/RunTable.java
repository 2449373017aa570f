package org.neurosweep.postprocess;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.neurosweep.trajectory.Branch;
import org.neurosweep.trajectory.Parameter;
import org.neurosweep.trajectory.RunRecord;
import org.neurosweep.trajectory.RunStatus;
import org.neurosweep.trajectory.RunValue;
import org.neurosweep.trajectory.Trajectory;
import org.neurosweep.trajectory.ValueType;

/**
 * One row per run: the run index, the explored parameters' values, then every summary result (in the
 * order results first appear), and the status when any run failed.
 */
public final class RunTable {
    private final List<String> columns;
    private final List<List<Object>> rows;

    private RunTable(List<String> columns, List<List<Object>> rows) {
        this.columns = List.copyOf(columns);
        this.rows = Collections.unmodifiableList(rows);
    }

    /** The table of these runs of the trajectory. */
    public static RunTable of(Trajectory trajectory, List<RunRecord> records) {
        List<Parameter> explored = trajectory.exploredParameters();
        Set<String> results = new LinkedHashSet<>();
        boolean anyFailed = false;
        for (RunRecord r : records) {
            anyFailed |= r.status() == RunStatus.FAILED;
            for (RunValue v : r.values()) {
                if (v.summary() && v.branch() == Branch.RESULTS) {
                    results.add(v.path());
                }
            }
        }
        List<String> columns = new ArrayList<>();
        columns.add("run");
        explored.forEach(p -> columns.add(shortName(trajectory, p)));
        columns.addAll(results);
        if (anyFailed) {
            columns.add("status");
        }
        List<List<Object>> rows = new ArrayList<>(records.size());
        for (RunRecord r : records) {
            List<Object> row = new ArrayList<>(columns.size());
            row.add(r.index());
            explored.forEach(p -> row.add(p.valueInRun(r.index())));
            results.forEach(name -> row.add(r.summaryResult(name)));
            if (anyFailed) {
                row.add(r.status().label());
            }
            rows.add(row);
        }
        return new RunTable(columns, rows);
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
        String[] header = columns.toArray(new String[0]);
        cells.add(header);
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
                return String.valueOf((long) x) + ".0";
            }
            return String.format("%.6g", x);
        }
        return ValueType.format(v);
    }
}
