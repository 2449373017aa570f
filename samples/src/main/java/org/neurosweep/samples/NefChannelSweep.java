package org.neurosweep.samples;

import org.neurosweep.explore.Sweep;
import org.neurosweep.explore.SweepDefinition;
import org.neurosweep.nef.NefStats;
import org.neurosweep.nef.networks.CommunicationChannel;
import org.neurosweep.nef.networks.RunOptions;
import org.neurosweep.trajectory.RunFunction;
import org.neurosweep.trajectory.Trajectory;

/**
 * The NEF communication channel ({@link CommunicationChannel}: a sine input, ensemble A, ensemble B decoding
 * A's value, a 10 ms probe on B) explored over the neurons per ensemble and the synapse's time constant,
 * each run built from the run's own seed (derived from the sweep's seed and the run index) without a
 * decoder cache.
 *
 * <p>Each run stores, as scalars (summary columns): {@code rmse} (the probe against the input delayed by
 * {@code lag_ms}, the best lag of 0-50 ms, over t >= 100 ms, averaged over dimensions), {@code lag_ms}, and
 * the engine's costs as {@code diagnostics.*}: {@code build_s}, {@code solve_s}, {@code simulate_s},
 * {@code peak_bytes} and {@code operators}.
 *
 * <p>The lag is searched over 0-50 ms only; two synapses of {@code tau} and the 10 ms probe delay the output by
 * about 2 tau + 12 ms, so above tau = 20 ms the best lag sticks at 50 ms and the RMSE grows with the delay left
 * over, not with the decoding error.
 *
 * <p>Why no decoder cache: its key is everything the decoders depend on (gains, biases, encoders, eval
 * points), which come from the run's seed, and every run has its own seed; so a sweep never hits its own
 * entries, and a cache shared over runs would only make {@code build_s} depend on what an earlier sweep left
 * on disk.
 */
public final class NefChannelSweep implements SweepDefinition {
    /** The analysis leaves out t < 100 ms ({@link CommunicationChannel#rmse}); shorter runs have nothing to measure. */
    static final double MIN_T_SIM_MS = 200.0;

    @Override
    public String name() {
        return "nef-channel";
    }

    @Override
    public String description() {
        return "NEF communication channel over neurons x synaptic time constant: RMSE, lag, build and run cost";
    }

    @Override
    public Trajectory newTrajectory(long seed) {
        Trajectory t = new Trajectory("nef_channel", seed);
        t.setComment("NEF communication channel (input -> A -> B, decoded identity, LIF), explored over neurons and tau");
        t.addParameter("net.neurons", 100, "LIF neurons in each of the two ensembles").allowed(1, 100_000);
        t.addParameter("net.tau", 5.0, "time constant of the lowpass synapse on the connections into A and into B"
                + " (0: none; above 20 ms the delay outgrows the 50 ms the RMSE's lag search covers)")
                .unit("ms").allowed(0.0, 1000.0);
        t.addParameter("net.dimensions", 1, "dimensions of the input and of both ensembles").allowed(1, 64);
        t.addParameter("sim.t_sim", 2000.0, "simulated time (the RMSE leaves out the first 100 ms)").unit("ms")
                .allowed(MIN_T_SIM_MS, 1.0e7);
        t.addParameter("sim.threads", 1, "engine threads per run (results are the same for any number)").allowed(1, 1024);
        return t;
    }

    /** neurons in {50, 100, 200, 400} x tau in {2, 5, 10, 20} ms: 16 runs. */
    @Override
    public Sweep defaultSweep() {
        return Sweep.product(Sweep.values("neurons", 50, 100, 200, 400), Sweep.values("tau", 2.0, 5.0, 10.0, 20.0));
    }

    @Override
    public boolean writesReport() {
        return true;
    }

    @Override
    public RunFunction runFunction() {
        return run -> {
            int n = run.getInt("neurons");
            int d = run.getInt("dimensions");
            double tauMs = run.getDouble("tau");
            double tSim = run.getDouble("t_sim");
            RunOptions options = RunOptions.defaults().withThreads(run.getInt("threads"));
            CommunicationChannel.Result r = CommunicationChannel.run(n, d, tauMs / 1000.0, tSim / 1000.0, run.seed(), options);
            NefStats s = r.stats();
            run.addResult("rmse", r.rmse(), "", "RMSE of B's probe (10 ms synapse) against the input delayed by lag_ms,"
                    + " over t >= 100 ms, mean over dimensions");
            run.addResult("lag_ms", r.lagMs(), "ms", "the delay (0-50 ms, whole ms) that makes the RMSE least");
            run.addResult("diagnostics.build_s", s.buildSeconds(), "s", "building the network (wall clock)");
            run.addResult("diagnostics.solve_s", s.solveSeconds(), "s", "solving for decoders (summed over threads)");
            run.addResult("diagnostics.simulate_s", s.runSeconds(), "s", "simulating t_sim (wall clock)");
            run.addResult("diagnostics.peak_bytes", s.bytes(), "B", "signals, encoders, decoders, transforms, neuron and"
                    + " synapse state and probe data at their largest");
            run.addResult("diagnostics.operators", s.operators(), "", "operations each step runs (after the optimizer's merging)");
        };
    }
}
