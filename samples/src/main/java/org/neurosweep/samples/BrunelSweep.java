package org.neurosweep.samples;

import java.util.Map;
import org.neurosweep.explore.Sweep;
import org.neurosweep.explore.SweepDefinition;
import org.neurosweep.samples.networks.Network;
import org.neurosweep.samples.networks.NetworkJob;
import org.neurosweep.samples.networks.NetworkProcesses;
import org.neurosweep.samples.networks.PowerSpectrum;
import org.neurosweep.samples.networks.Regime;
import org.neurosweep.samples.networks.SpikeStatistics;
import org.neurosweep.simulator.Kernel;
import org.neurosweep.simulator.NodeCollection;
import org.neurosweep.simulator.SimulationStats;
import org.neurosweep.simulator.devices.SpikeEvents;
import org.neurosweep.trajectory.RunContext;
import org.neurosweep.trajectory.RunFunction;
import org.neurosweep.trajectory.Trajectory;

/**
 * The Brunel (2000) balanced network explored over g (relative inhibition) and eta (external drive), each
 * run simulated by the embedded simulator with the run's own seed and its activity classified into the
 * regimes of Brunel's Fig. 2 ({@link Regime}). Statistics are taken over the analysis window after the
 * start-up transient ({@code analysis.transient}, 100 ms by default).
 *
 * <p>Each run stores, as scalars (summary columns): {@code rate_e}, {@code rate_i} (Hz), {@code cv_isi},
 * {@code sync} (the population rate's modulation, {@link SpikeStatistics#sync}), {@code coherence}
 * ({@link SpikeStatistics#coherence}), {@code osc_freq} (Hz, the
 * peak of the population rate's power spectrum), {@code regime} (SR, AI, SI-fast, SI-slow or quiet), the
 * total spike count and the simulator's diagnostics ({@code diagnostics.*}); and with the run: the spikes of
 * the first 100 E and 25 I neurons ({@code spikes.E.*}, {@code spikes.I.*}), the population rate of all E and
 * all I neurons from time 0 ({@code rate.E}, {@code rate.I}, bins of {@code analysis.bin}), the ISI and CV
 * histograms ({@code isi.*}, {@code cv.*}) and the power spectrum of the population rate ({@code spectrum.*}).
 */
public final class BrunelSweep implements SweepDefinition {
    /** Excitatory neurons whose spikes are stored with each run (the first ones). */
    public static final int RECORDED_E = 100;
    /** Inhibitory neurons whose spikes are stored with each run (the first ones). */
    public static final int RECORDED_I = 25;
    /** The comment of the {@code regime} result: the states and the criteria, shown under the phase diagram. */
    static final String REGIME_COMMENT = "Brunel's states: SR synchronous regular, AI asynchronous irregular, SI-fast and"
            + " SI-slow synchronous irregular with a fast or slow oscillation of the population rate. Criteria, in order:"
            + " quiet if the rate is below " + Regime.QUIET_HZ + " Hz; SR if cv_isi < " + Regime.REGULAR_CV + "; SI-slow if sync >= "
            + Regime.SLOW_SYNC + "; SI-fast if coherence >= " + Regime.FAST_COHERENCE + "; AI otherwise (docs/brunel.md).";
    /** Segment of Welch's spectrum estimate, in bins. */
    static final int SPECTRUM_SEGMENT = 256;
    /** Edges of the ISI histogram: 40 log-spaced bins from 1 ms to 1 s. */
    static final double[] ISI_EDGES = logEdges(1.0, 1000.0, 40);
    /** Edges of the CV histogram: 0 to 3 in steps of 0.1. */
    static final double[] CV_EDGES = linearEdges(0.0, 3.0, 30);

    @Override
    public String name() {
        return "brunel";
    }

    @Override
    public String description() {
        return "Brunel (2000) balanced network over g x eta: the four regimes of Fig. 2, rates, irregularity, synchrony, spectra";
    }

    @Override
    public Trajectory newTrajectory(long seed) {
        Trajectory t = new Trajectory("brunel", seed);
        t.setComment("Brunel (2000) model A with iaf_psc_delta, explored over g and eta");
        t.addParameter("net.g", 5.0, "relative strength of inhibition").allowed(0.0, 100.0);
        t.addParameter("net.eta", 2.0, "external rate relative to the threshold rate").allowed(0.0, 100.0);
        t.addParameter("net.scale", 1.0, "population sizes relative to NE = 10,000 and NI = 2,500 (in-degrees unchanged)")
                .allowed(0.01, 10.0);
        t.addParameter("sim.t_sim", 600.0, "simulated time").unit("ms").allowed(1.0, 1.0e7);
        t.addParameter("sim.threads", 2, "simulator threads per run (results are the same for any number)").allowed(1, 1024);
        t.addParameter("sim.processes", 1, "JVMs that simulate each run together, on this machine (results are the same for any"
                + " number)").allowed(1, 64);
        t.addParameter("analysis.transient", 100.0, "start-up transient left out of every statistic").unit("ms")
                .allowed(0.0, 1.0e7);
        t.addParameter("analysis.bin", 0.5, "bin of the population rate, its spectrum and the synchrony measure")
                .unit("ms").allowed(0.1, 100.0);
        return t;
    }

    /**
     * g in {3, 4.5, 5, 6, 8} x eta in {0.9, 1.5, 2, 3, 4}: 25 runs spanning the four regimes of Brunel's
     * Fig. 2, Brunel's Fig. 8 examples (A: g 3, eta 2; B: g 6, eta 4; C: g 5, eta 2; D: g 4.5, eta 0.9) among them.
     */
    @Override
    public Sweep defaultSweep() {
        return Sweep.product(Sweep.values("g", 3.0, 4.5, 5.0, 6.0, 8.0), Sweep.values("eta", 0.9, 1.5, 2.0, 3.0, 4.0));
    }

    @Override
    public boolean writesReport() {
        return true;
    }

    @Override
    public RunFunction runFunction() {
        return run -> {
            double tSim = run.getDouble("t_sim");
            double transientMs = run.getDouble("transient");
            double bin = run.getDouble("bin");
            if (transientMs >= tSim) {
                throw new IllegalArgumentException("analysis.transient " + transientMs + " ms leaves nothing of sim.t_sim "
                        + tSim + " ms to analyse; make it shorter than t_sim");
            }
            NetworkJob job = new NetworkJob("brunel", Map.of("g", run.getDouble("g"), "eta", run.getDouble("eta"),
                    "scale", run.getDouble("scale")), run.seed(), run.getInt("threads"), 0, tSim);
            int processes = run.getInt("processes");
            try (NetworkProcesses helpers = processes > 1 ? NetworkProcesses.start(job, processes) : null;
                 Kernel k = job.kernel(helpers == null ? null : helpers.exchange())) {
                NetworkJob.Outcome o = job.run(k);
                store(run, o.spikes(), o.built(), tSim, transientMs, bin);
                SimulationStats s = k.stats();
                run.addResult("diagnostics.build_s", s.buildSeconds(), "s", "simulator build time");
                run.addResult("diagnostics.simulate_s", s.simulateSeconds(), "s", "simulator run time");
                run.addResult("diagnostics.load_balance", s.loadBalance(), "", "mean over max compute time of the virtual processes");
                run.addResult("diagnostics.events_per_s", s.eventsPerSecond(), "1/s", "synaptic events delivered per second of simulation");
            }
        };
    }

    private static void store(RunContext run, SpikeEvents spikes, Network.Built b, double tSim, double transientMs, double bin) {
        NodeCollection exc = b.populations().get("E");
        NodeCollection inh = b.populations().get("I");
        SpikeStatistics e = SpikeStatistics.of(spikes, exc, transientMs, tSim, bin);
        SpikeStatistics i = SpikeStatistics.of(spikes, inh, transientMs, tSim, bin);
        SpikeStatistics all = SpikeStatistics.of(spikes, b.neurons(), transientMs, tSim, bin);
        double[] rateAll = SpikeStatistics.populationRate(spikes, b.neurons(), tSim, bin);
        int from = (int) Math.ceil(transientMs / bin - 1e-9);
        PowerSpectrum spectrum = PowerSpectrum.welch(java.util.Arrays.copyOfRange(rateAll, from, rateAll.length), bin,
                SPECTRUM_SEGMENT);
        double peak = all.spikes() == 0 ? Double.NaN : spectrum.peakHz(Regime.MIN_OSCILLATION_HZ);
        double rate = all.rateHz();
        double sync = all.sync(Regime.SYNC_BIN_MS);
        double coherence = all.coherence(Regime.MIN_LAG_MS, Regime.MAX_LAG_MS);
        run.addResult("rate_e", e.rateHz(), "Hz", "mean rate of the excitatory neurons after the transient");
        run.addResult("rate_i", i.rateHz(), "Hz", "mean rate of the inhibitory neurons after the transient");
        run.addResult("cv_isi", all.cvIsi(), "", "mean CV of inter-spike intervals (neurons with >= 3 spikes after the transient)");
        run.addResult("sync", sync, "", "modulation of the population rate in " + (int) Regime.SYNC_BIN_MS
                + " ms bins: sqrt(var - mean) / mean of the spike count; 0 when asynchronous");
        run.addResult("coherence", coherence, "", "first side peak of the population count's autocorrelation; 0 steady, 1 periodic");
        run.addResult("osc_freq", peak, "Hz", "peak of the population rate's power spectrum (above " + (int) Regime.MIN_OSCILLATION_HZ + " Hz)");
        run.addResult("regime", Regime.classify(rate, all.cvIsi(), sync, coherence).label(), "", REGIME_COMMENT);
        run.addResult("spikes", all.spikes(), "", "spikes of all neurons after the transient");
        storeRaster(run, "E", spikes, exc.first(), exc.first() + Math.min(RECORDED_E, exc.size()) - 1);
        storeRaster(run, "I", spikes, inh.first(), inh.first() + Math.min(RECORDED_I, inh.size()) - 1);
        run.addResult("runs.$set.$.rate.E", SpikeStatistics.populationRate(spikes, exc, tSim, bin), "Hz",
                "population rate of all " + exc.size() + " E neurons in bins of " + bin + " ms from 0 ms");
        run.addResult("runs.$set.$.rate.I", SpikeStatistics.populationRate(spikes, inh, tSim, bin), "Hz",
                "population rate of all " + inh.size() + " I neurons in bins of " + bin + " ms from 0 ms");
        run.addResult("runs.$set.$.rate.bin", bin, "ms", "bin width of rate.E and rate.I");
        run.addResult("runs.$set.$.rate.transient", transientMs, "ms", "where the analysis window starts");
        run.addResult("runs.$set.$.isi.edges", ISI_EDGES, "ms", "bin edges of isi.counts (log-spaced)");
        run.addResult("runs.$set.$.isi.counts", histogram(all.isis(), ISI_EDGES), "", "inter-spike intervals of all neurons after the transient");
        run.addResult("runs.$set.$.cv.edges", CV_EDGES, "", "bin edges of cv.counts");
        run.addResult("runs.$set.$.cv.counts", histogram(all.cvs(), CV_EDGES), "", "CV of each neuron's inter-spike intervals (neurons with >= 3 spikes)");
        run.addResult("runs.$set.$.spectrum.freq", spectrum.frequencies(), "Hz", "frequencies of spectrum.power");
        run.addResult("runs.$set.$.spectrum.power", spectrum.power(), "Hz", "power spectral density of the population rate (Welch, Hann, "
                + SPECTRUM_SEGMENT + "-bin segments) after the transient");
    }

    /** The spikes of neurons {@code first..last}, as ids counted from 1 within the population, and times. */
    private static void storeRaster(RunContext run, String population, SpikeEvents spikes, int first, int last) {
        int n = 0;
        for (int s : spikes.senders()) {
            n += s >= first && s <= last ? 1 : 0;
        }
        int[] senders = new int[n];
        double[] times = new double[n];
        int k = 0;
        for (int i = 0; i < spikes.size(); i++) {
            int s = spikes.senders()[i];
            if (s >= first && s <= last) {
                senders[k] = s - first + 1;
                times[k++] = spikes.times()[i];
            }
        }
        run.addResult("runs.$set.$.spikes." + population + ".senders", senders, "",
                "neuron (1.." + (last - first + 1) + " of population " + population + "), sorted by time");
        run.addResult("runs.$set.$.spikes." + population + ".times", times, "ms", "spike times");
    }

    static double[] histogram(double[] values, double[] edges) {
        double[] counts = new double[edges.length - 1];
        for (double v : values) {
            int lo = 0;
            int hi = edges.length - 1;
            if (!(v >= edges[0] && v <= edges[hi])) {
                continue;
            }
            while (hi - lo > 1) {
                int mid = (lo + hi) >>> 1;
                if (v >= edges[mid]) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            counts[lo]++;
        }
        return counts;
    }

    private static double[] logEdges(double from, double to, int bins) {
        double[] e = new double[bins + 1];
        for (int i = 0; i <= bins; i++) {
            e[i] = from * Math.pow(to / from, i / (double) bins);
        }
        return e;
    }

    private static double[] linearEdges(double from, double to, int bins) {
        double[] e = new double[bins + 1];
        for (int i = 0; i <= bins; i++) {
            e[i] = from + (to - from) * i / bins;
        }
        return e;
    }
}
