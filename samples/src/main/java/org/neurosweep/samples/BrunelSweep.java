package org.neurosweep.samples;

import org.neurosweep.explore.SweepDefinition;
import java.util.Arrays;
import java.util.Map;
import org.neurosweep.explore.Sweep;
import org.neurosweep.samples.networks.Brunel;
import org.neurosweep.samples.networks.Network;
import org.neurosweep.samples.networks.SpikeStatistics;
import org.neurosweep.simulator.Kernel;
import org.neurosweep.simulator.NodeCollection;
import org.neurosweep.simulator.SimulationStats;
import org.neurosweep.simulator.SpikeEvents;
import org.neurosweep.trajectory.RunFunction;
import org.neurosweep.trajectory.Trajectory;

/**
 * The Brunel (2000) balanced network explored over g (relative inhibition) and eta (external drive),
 * each run simulated by the embedded simulator with the run's own seed. Each run stores the mean rate of
 * each population, the mean CV of inter-spike intervals, the Fano factor of the population spike count in
 * 1 ms bins (a synchrony measure: about 1 when asynchronous, large when synchronous), the simulator's
 * timings, load balance and events/s, and the spikes of the first 50 excitatory neurons.
 */
public final class BrunelSweep implements SweepDefinition {
    /** Neurons whose spikes are stored with each run. */
    public static final int RECORDED = 50;

    @Override
    public String name() {
        return "brunel";
    }

    @Override
    public String description() {
        return "Brunel (2000) balanced network over g x eta: rates, irregularity, synchrony and spikes per run";
    }

    @Override
    public Trajectory newTrajectory(long seed) {
        Trajectory t = new Trajectory("brunel", seed);
        t.setComment("Brunel (2000) model A with iaf_psc_delta, explored over g and eta");
        t.addParameter("net.g", 5.0, "relative strength of inhibition").allowed(0.0, 100.0);
        t.addParameter("net.eta", 2.0, "external rate relative to the threshold rate").allowed(0.0, 100.0);
        t.addParameter("net.scale", 1.0, "population sizes relative to NE = 10,000 and NI = 2,500 (in-degrees unchanged)")
                .allowed(0.01, 10.0);
        t.addParameter("sim.t_sim", 500.0, "simulated time").unit("ms").allowed(1.0, 1.0e7);
        t.addParameter("sim.threads", 1, "simulator threads per run").allowed(1, 1024);
        return t;
    }

    /** g in {3, 4, 5, 6, 7, 8} x eta in {1, 2, 3, 4}: 24 runs, about a minute at full scale on 2 cores. */
    @Override
    public Sweep defaultSweep() {
        return Sweep.product(Sweep.values("g", 3.0, 4.0, 5.0, 6.0, 7.0, 8.0), Sweep.values("eta", 1.0, 2.0, 3.0, 4.0));
    }

    @Override
    public boolean writesReport() {
        return true;
    }

    @Override
    public RunFunction runFunction() {
        return run -> {
            double tSim = run.getDouble("t_sim");
            try (Kernel k = Kernel.builder().threads(run.getInt("threads")).seed(run.seed()).build()) {
                Network.Built b = new Brunel().build(k, Map.of("g", run.getDouble("g"), "eta", run.getDouble("eta"),
                        "scale", run.getDouble("scale")));
                k.simulate(tSim);
                SpikeEvents spikes = k.spikes(b.recorder());
                NodeCollection exc = b.populations().get("E");
                SpikeStatistics e = SpikeStatistics.of(spikes, exc, tSim);
                SpikeStatistics i = SpikeStatistics.of(spikes, b.populations().get("I"), tSim);
                SpikeStatistics all = SpikeStatistics.of(spikes, b.neurons(), tSim);
                SimulationStats s = k.stats();
                run.addResult("rate_e", e.rateHz(), "mean rate of the excitatory neurons (Hz)");
                run.addResult("rate_i", i.rateHz(), "mean rate of the inhibitory neurons (Hz)");
                run.addResult("cv_isi", all.cvIsi(), "mean CV of inter-spike intervals (neurons with >= 3 spikes)");
                run.addResult("fano", all.fanoFactor(), "Fano factor of the population spike count in 1 ms bins");
                run.addResult("spikes", all.spikes(), "spikes of all neurons");
                run.addResult("build_s", s.buildSeconds(), "simulator build time (s)");
                run.addResult("simulate_s", s.simulateSeconds(), "simulator run time (s)");
                run.addResult("load_balance", s.loadBalance(), "mean / max VP compute time");
                run.addResult("events_per_s", s.eventsPerSecond(), "synaptic events delivered per second");
                storeRecorded(run, spikes, exc.first() + RECORDED - 1);
            }
        };
    }

    /** The spikes of the first {@value #RECORDED} excitatory neurons (ids 1..50), as two arrays. */
    private static void storeRecorded(org.neurosweep.trajectory.RunContext run, SpikeEvents spikes, int lastId) {
        int n = 0;
        for (int s : spikes.senders()) {
            n += s <= lastId ? 1 : 0;
        }
        int[] senders = new int[n];
        double[] times = new double[n];
        int k = 0;
        for (int i = 0; i < spikes.size(); i++) {
            if (spikes.senders()[i] <= lastId) {
                senders[k] = spikes.senders()[i];
                times[k++] = spikes.times()[i];
            }
        }
        run.addResult("runs.$set.$.spikes.senders", senders, "neuron ids (1..50), sorted by time");
        run.addResult("runs.$set.$.spikes.times", Arrays.copyOf(times, k), "spike times (ms)");
    }
}
