package org.neurosweep.postprocess;

import java.util.ArrayList;
import java.util.List;
import org.neurosweep.storage.StoredRuns;
import org.neurosweep.storage.StorageException;
import org.neurosweep.storage.TrajectoryReader;
import org.neurosweep.trajectory.Parameter;
import org.neurosweep.trajectory.RunRecord;
import org.neurosweep.trajectory.RunStatus;
import org.neurosweep.trajectory.RunValue;
import org.neurosweep.trajectory.Trajectory;

/** A stored sweep seen as numbers: explored values and scalar results per run, and one run's spikes. */
public final class StoredSweep {
    private final TrajectoryReader reader;
    private final Trajectory trajectory;
    private final StoredRuns runs;
    /** Summary columns read so far: a stored sweep's columns do not change while it is read, so each is read once. */
    private final java.util.Map<String, Object> columns = new java.util.HashMap<>();
    private List<String> numericResults;
    private List<String> stringResults;

    public StoredSweep(TrajectoryReader reader) {
        this.reader = reader;
        this.trajectory = reader.trajectory();
        this.runs = reader.runTable();
    }

    public Trajectory trajectory() {
        return trajectory;
    }

    public int runCount() {
        return runs.size();
    }

    public boolean completed(int run) {
        return runs.status(run) == RunStatus.COMPLETED;
    }

    /** Each run's value of an explored (numeric) parameter. */
    public List<Double> parameter(String name) {
        Parameter p = trajectory.parameter(name);
        if (!p.isExplored()) {
            throw new IllegalArgumentException("'" + name + "' is not explored; explored: " + explored());
        }
        List<Double> out = new ArrayList<>(runs.size());
        for (int i = 0; i < runs.size(); i++) {
            Object v = p.valueInRun(i);
            if (!(v instanceof Number n)) {
                throw new IllegalArgumentException("'" + name + "' is not numeric");
            }
            out.add(n.doubleValue());
        }
        return out;
    }

    /** The explored parameters' names (as the trajectory knows them, shortest unique). */
    public List<String> explored() {
        List<String> out = new ArrayList<>();
        for (Parameter p : trajectory.exploredParameters()) {
            out.add(p.name());
        }
        return out;
    }

    /** Each completed run's value of a numeric scalar result, null for the others. */
    public List<Double> result(String name) {
        Object column = column(name);
        List<Double> out = new ArrayList<>(runs.size());
        for (int i = 0; i < runs.size(); i++) {
            Object v = java.lang.reflect.Array.get(column, i);
            if (!(v instanceof Number n)) {
                throw new IllegalArgumentException("result '" + name + "' is not numeric");
            }
            out.add(completed(i) ? n.doubleValue() : null);
        }
        return out;
    }

    /** The numeric scalar results, in the order runs first added them. */
    public List<String> numericResults() {
        if (numericResults == null) {
            List<String> out = new ArrayList<>();
            for (String name : reader.summaryNames(org.neurosweep.trajectory.Branch.RESULTS)) {
                Object column = column(name);
                if (column instanceof double[] || column instanceof int[] || column instanceof long[]) {
                    out.add(name);
                }
            }
            numericResults = List.copyOf(out);
        }
        return numericResults;
    }

    private Object column(String name) {
        return columns.computeIfAbsent(name, reader::summaryColumn);
    }

    /** Each completed run's value of a string scalar result, null for the others. */
    public List<String> stringResult(String name) {
        Object column = column(name);
        if (!(column instanceof String[] values)) {
            throw new IllegalArgumentException("result '" + name + "' is not a string");
        }
        List<String> out = new ArrayList<>(runs.size());
        for (int i = 0; i < runs.size(); i++) {
            out.add(completed(i) ? values[i] : null);
        }
        return out;
    }

    /** The string scalar results, in the order runs first added them. */
    public List<String> stringResults() {
        if (stringResults == null) {
            List<String> out = new ArrayList<>();
            for (String name : reader.summaryNames(org.neurosweep.trajectory.Branch.RESULTS)) {
                if (column(name) instanceof String[]) {
                    out.add(name);
                }
            }
            stringResults = List.copyOf(out);
        }
        return stringResults;
    }

    /** A summary result's unit ("" if none). */
    public String unit(String result) {
        return reader.summaryUnit(result);
    }

    /** A summary result's comment ("" if none). */
    public String comment(String result) {
        return reader.summaryComment(result);
    }

    public StoredRuns runs() {
        return runs;
    }

    public TrajectoryReader reader() {
        return reader;
    }

    /**
     * The values run {@code run} stored with itself, by their path below the run's group (e.g.
     * {@code spikes.E.times}).
     *
     * @throws IllegalArgumentException if the run does not exist or is not completed
     */
    public java.util.Map<String, RunValue> runValues(int run) {
        if (run < 0 || run >= runs.size()) {
            throw new IllegalArgumentException("run " + run + " does not exist; runs are 0.." + (runs.size() - 1));
        }
        if (!completed(run)) {
            throw new IllegalArgumentException("run " + run + " is " + runs.status(run).label() + ", not completed");
        }
        java.util.Map<String, RunValue> out = new java.util.LinkedHashMap<>();
        String marker = "." + org.neurosweep.trajectory.Runs.name(run) + ".";
        for (RunValue v : reader.runValues(run)) {
            int at = v.path().indexOf(marker);
            if (!v.summary() && v.branch() == org.neurosweep.trajectory.Branch.RESULTS && at >= 0) {
                out.put(v.path().substring(at + marker.length()), v);
            }
        }
        return out;
    }

    /** A label with the parameter's or result's comment, which says the unit, e.g. "g (relative strength of inhibition)". */
    public String label(String name, String comment) {
        return comment == null || comment.isEmpty() ? name : name + " (" + comment + ")";
    }
}
