package org.neurosweep.storage;

import java.util.ArrayList;
import java.util.List;
import org.neurosweep.explore.Sweep;
import org.neurosweep.trajectory.Branch;
import org.neurosweep.trajectory.ResultSink;
import org.neurosweep.trajectory.RunFunction;
import org.neurosweep.trajectory.RunRecord;
import org.neurosweep.trajectory.RunScope;
import org.neurosweep.trajectory.Trajectory;

/** Trajectories and run functions shared by the storage tests; runs are driven by hand, as a runner would. */
final class Sweeps {
    private Sweeps() {
    }

    /** A trajectory with leaves of every type in every branch, comments, and a 3 x 4 product explored. */
    static Trajectory everyType() {
        Trajectory t = new Trajectory("every_type", 1234);
        t.setComment("all value types");
        t.addConfig("threads", 2, "worker threads");
        t.addConfig("label", "test sweep", "");
        t.addGroup(Branch.PARAMETERS, "net", "the network");
        t.addParameter("net.g", 5.0, "relative inhibition");
        t.addParameter("net.n", 100, "neurons");
        t.addParameter("net.big", 1L << 40, "a long");
        t.addParameter("net.plastic", true, "");
        t.addParameter("net.model", "iaf_psc_delta", "neuron model");
        t.addParameter("weights", new double[] {0.1, 0.2, 0.3}, "");
        t.addParameter("delays", new int[] {1, 2}, "");
        t.addParameter("ids", new long[] {7, 8, 9}, "");
        t.addParameter("empty", new double[0], "an empty array");
        t.addDerivedParameter("nu_th", 10.0, "threshold rate");
        t.addResult("note", "added before the runs", "a note");
        t.explore(Sweep.product(Sweep.values("g", 3.0, 4.0, 5.0), Sweep.arange("n", 10, 50, 10)));
        return t;
    }

    /** Every result type, per run and summary, all depending on the run. */
    static final RunFunction EVERY_TYPE = run -> {
        double g = run.getDouble("g");
        int n = run.getInt("n");
        run.addResult("rate", g * n, "Hz");
        run.addResult("count", n * 2);
        run.addResult("big", (long) n << 33);
        run.addResult("ok", n % 20 == 0);
        run.addResult("label", "run " + run.index() + " é");
        run.addResult("runs.$set.$.trace", new double[] {g, n, run.index()}, "a trace");
        run.addResult("runs.$set.$.spikes.times", new double[3000], "");
        run.addResult("runs.$set.$.spikes.senders", new int[] {n, n + 1});
        run.addResult("runs.$set.$.ids", new long[] {run.seed()});
        run.addResult("runs.$set.$.scalar", 1.5);
        run.addResult("runs.$set.$.name", run.name());
        run.addResult("runs.$set.$.flag", true);
        run.addResult("runs.$set.$.none", new int[0]);
        run.addDerivedParameter("w", g / n);
        run.addDerivedParameter("runs.$set.$.conn", new int[] {n});
        if (run.index() == 5) {
            throw new IllegalStateException("run 5 fails on purpose");
        }
    };

    /** Runs every run not completed in the sink through the function, as the LOCAL runner does. */
    static List<RunRecord> runAll(Trajectory t, ResultSink sink, RunFunction f) {
        sink.begin(t);
        List<RunRecord> records = new ArrayList<>();
        for (long i = 0; i < t.runCount(); i++) {
            if (sink.isCompleted(i)) {
                continue;
            }
            RunScope scope = t.openRun(i);
            String error = null;
            try {
                f.run(scope);
            } catch (Exception e) {
                error = e.toString();
            }
            RunRecord r = scope.finish(1_700_000_000_000L + i, 1000 + i, "local", error);
            records.add(r);
            sink.accept(r);
        }
        return records;
    }
}
