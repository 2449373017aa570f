package org.neurosweep.samples;

import org.neurosweep.explore.SweepDefinition;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurosweep.explore.Sweep;
import org.neurosweep.runners.Environment;
import org.neurosweep.runners.Mode;
import org.neurosweep.trajectory.InMemorySink;
import org.neurosweep.trajectory.RunRecord;
import org.neurosweep.trajectory.RunStatus;
import org.neurosweep.trajectory.RunValue;
import org.neurosweep.trajectory.Trajectory;

/** The Brunel sweep at a small scale: results per run, recorded spikes, the same in every mode. */
class BrunelSweepTest {
    private static List<RunRecord> sweep(Mode mode) {
        SweepDefinition brunel = Samples.byName("brunel");
        Trajectory t = brunel.newTrajectory(7);
        t.parameter("scale").setValue(0.05);
        t.parameter("t_sim").setValue(200.0);
        t.explore(Sweep.product(Sweep.values("g", 4.0, 7.0), Sweep.values("eta", 2.0)));
        InMemorySink sink = new InMemorySink();
        Environment.Builder b = Environment.builder(t).sink(sink).mode(mode);
        if (mode != Mode.LOCAL) {
            b.workers(2);
        }
        b.build().run(brunel.runFunction());
        return sink.records();
    }

    @Test
    void eachRunStoresRatesIrregularitySynchronyTimingsAndSpikes() {
        List<RunRecord> runs = sweep(Mode.LOCAL);
        assertEquals(2, runs.size());
        for (RunRecord r : runs) {
            assertEquals(RunStatus.COMPLETED, r.status(), r.error());
            for (String name : List.of("rate_e", "rate_i", "cv_isi", "fano", "build_s", "simulate_s", "load_balance", "events_per_s")) {
                assertTrue(r.summaryResult(name) instanceof Double, name);
            }
            assertTrue((Double) r.summaryResult("rate_e") > 0, "the network fires");
            RunValue senders = r.find("results.runs.run_set_00000." + r.name() + ".spikes.senders");
            RunValue times = r.find("results.runs.run_set_00000." + r.name() + ".spikes.times");
            int[] ids = (int[]) senders.value();
            double[] ts = (double[]) times.value();
            assertEquals(ids.length, ts.length);
            assertTrue(ids.length > 0, "the 50 recorded neurons fired");
            for (int k = 0; k < ids.length; k++) {
                assertTrue(ids[k] >= 1 && ids[k] <= BrunelSweep.RECORDED, "recorded neurons are 1..50");
                assertTrue(k == 0 || ts[k] >= ts[k - 1], "sorted by time");
            }
        }
        double weakInhibition = (Double) runs.get(0).summaryResult("rate_e");
        double strongInhibition = (Double) runs.get(1).summaryResult("rate_e");
        assertTrue(weakInhibition > strongInhibition, "g = 4 fires faster than g = 7: " + weakInhibition + " vs " + strongInhibition);
    }

    @Test
    void poolGivesTheSameSpikesAsLocal() {
        List<RunRecord> local = sweep(Mode.LOCAL);
        List<RunRecord> pool = sweep(Mode.POOL);
        for (int i = 0; i < local.size(); i++) {
            assertEquals(local.get(i).summaryResult("spikes"), pool.get(i).summaryResult("spikes"));
            assertEquals(local.get(i).summaryResult("rate_e"), pool.get(i).summaryResult("rate_e"));
            String path = "results.runs.run_set_00000." + local.get(i).name() + ".spikes.times";
            assertArrayEquals((double[]) local.get(i).find(path).value(), (double[]) pool.get(i).find(path).value(), 0.0);
        }
    }
}
