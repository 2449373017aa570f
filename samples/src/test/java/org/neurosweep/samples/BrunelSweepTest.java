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
        return sweep(mode, 1);
    }

    private static List<RunRecord> sweep(Mode mode, int processes) {
        SweepDefinition brunel = Samples.byName("brunel");
        Trajectory t = brunel.newTrajectory(7);
        t.parameter("processes").setValue(processes);
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
    void eachRunStoresRatesIrregularitySynchronyRegimeDiagnosticsAndPlotData() {
        List<RunRecord> runs = sweep(Mode.LOCAL);
        assertEquals(2, runs.size());
        for (RunRecord r : runs) {
            assertEquals(RunStatus.COMPLETED, r.status(), r.error());
            for (String name : List.of("rate_e", "rate_i", "cv_isi", "sync", "coherence", "osc_freq", "diagnostics.build_s",
                    "diagnostics.simulate_s", "diagnostics.load_balance", "diagnostics.events_per_s")) {
                assertTrue(r.summaryResult(name) instanceof Double, name);
            }
            assertTrue(List.of("SR", "AI", "SI-fast", "SI-slow", "quiet").contains(r.summaryResult("regime")));
            assertTrue((Double) r.summaryResult("rate_e") > 0, "the network fires");
            String run = "results.runs.run_set_00000." + r.name() + ".";
            for (String pop : List.of("E", "I")) {
                int[] ids = (int[]) r.find(run + "spikes." + pop + ".senders").value();
                double[] ts = (double[]) r.find(run + "spikes." + pop + ".times").value();
                assertEquals(ids.length, ts.length);
                assertTrue(ids.length > 0, "the recorded " + pop + " neurons fired");
                int recorded = pop.equals("E") ? BrunelSweep.RECORDED_E : BrunelSweep.RECORDED_I;
                for (int k = 0; k < ids.length; k++) {
                    assertTrue(ids[k] >= 1 && ids[k] <= recorded, "recorded neurons are 1.." + recorded);
                    assertTrue(k == 0 || ts[k] >= ts[k - 1], "sorted by time");
                }
                double[] rate = (double[]) r.find(run + "rate." + pop).value();
                assertEquals(200 / 0.5, rate.length, "the whole simulation in 0.5 ms bins");
                assertEquals("Hz", r.find(run + "rate." + pop).unit());
            }
            // the population rate of all E neurons, averaged over the analysis window, is rate_e
            double[] rateE = (double[]) r.find(run + "rate.E").value();
            double mean = 0;
            for (int b = 200; b < rateE.length; b++) {
                mean += rateE[b] / (rateE.length - 200);
            }
            assertEquals((Double) r.summaryResult("rate_e"), mean, 1e-6 * mean);
            double[] isiCounts = (double[]) r.find(run + "isi.counts").value();
            assertEquals(((double[]) r.find(run + "isi.edges").value()).length, isiCounts.length + 1);
            double[] freq = (double[]) r.find(run + "spectrum.freq").value();
            assertEquals(freq.length, ((double[]) r.find(run + "spectrum.power").value()).length);
            assertEquals(1000.0, freq[freq.length - 1], 1e-9, "up to the Nyquist frequency of 0.5 ms bins");
        }
        double weakInhibition = (Double) runs.get(0).summaryResult("rate_e");
        double strongInhibition = (Double) runs.get(1).summaryResult("rate_e");
        assertTrue(weakInhibition > strongInhibition, "g = 4 fires faster than g = 7: " + weakInhibition + " vs " + strongInhibition);
    }

    @Test
    void aTransientAsLongAsTheSimulationIsRefused() {
        SweepDefinition brunel = Samples.byName("brunel");
        Trajectory t = brunel.newTrajectory(7);
        t.parameter("scale").setValue(0.05);
        t.parameter("t_sim").setValue(100.0);
        t.explore(Sweep.values("g", 4.0));
        InMemorySink sink = new InMemorySink();
        Environment.builder(t).sink(sink).build().run(brunel.runFunction());
        String error = sink.records().get(0).error();
        assertTrue(error != null && error.contains("analysis.transient 100.0 ms leaves nothing of sim.t_sim 100.0 ms"), error);
    }

    @Test
    void runsSimulatedByTwoProcessesEachStoreWhatOneProcessStores() {
        List<RunRecord> one = sweep(Mode.LOCAL);
        List<RunRecord> two = sweep(Mode.LOCAL, 2);
        for (int i = 0; i < one.size(); i++) {
            assertEquals(RunStatus.COMPLETED, two.get(i).status(), two.get(i).error());
            for (String name : List.of("spikes", "rate_e", "rate_i", "cv_isi", "sync", "regime")) {
                assertEquals(one.get(i).summaryResult(name), two.get(i).summaryResult(name), name);
            }
            String path = "results.runs.run_set_00000." + one.get(i).name() + ".spikes.I.times";
            assertArrayEquals((double[]) one.get(i).find(path).value(), (double[]) two.get(i).find(path).value(), 0.0);
        }
    }

    @Test
    void poolGivesTheSameSpikesAsLocal() {
        List<RunRecord> local = sweep(Mode.LOCAL);
        List<RunRecord> pool = sweep(Mode.POOL);
        for (int i = 0; i < local.size(); i++) {
            assertEquals(local.get(i).summaryResult("spikes"), pool.get(i).summaryResult("spikes"));
            assertEquals(local.get(i).summaryResult("rate_e"), pool.get(i).summaryResult("rate_e"));
            String path = "results.runs.run_set_00000." + local.get(i).name() + ".spikes.E.times";
            assertArrayEquals((double[]) local.get(i).find(path).value(), (double[]) pool.get(i).find(path).value(), 0.0);
        }
    }
}
