package org.neurosweep.samples.networks;

/**
 * The states of Brunel (2000), Fig. 2, told apart by measures of the spikes after the transient (see
 * docs/brunel.md for why these criteria and how they compare with Brunel's figure):
 * <ul>
 *   <li>{@link #QUIET}: mean rate below {@value #QUIET_HZ} Hz;</li>
 *   <li>{@link #SR} synchronous regular: mean CV of the ISIs below {@value #REGULAR_CV};</li>
 *   <li>{@link #SI_SLOW} synchronous irregular, slow: otherwise, the population rate's modulation in bins of
 *       {@value #SYNC_BIN_MS} ms ({@link SpikeStatistics#sync}) at least {@value #SLOW_SYNC};</li>
 *   <li>{@link #SI_FAST} synchronous irregular, fast: otherwise, the population rate's coherence
 *       ({@link SpikeStatistics#coherence}) at least {@value #FAST_COHERENCE};</li>
 *   <li>{@link #AI} asynchronous irregular: the rest.</li>
 * </ul>
 */
public enum Regime {
    QUIET("quiet", "no activity: mean rate below 0.1 Hz"),
    SR("SR", "synchronous regular: neurons fire regularly, in volleys"),
    AI("AI", "asynchronous irregular: irregular neurons, steady population rate"),
    SI_FAST("SI-fast", "synchronous irregular, fast: irregular neurons, population rate oscillating fast"),
    SI_SLOW("SI-slow", "synchronous irregular, slow: irregular neurons, population rate oscillating slowly");

    public static final double QUIET_HZ = 0.1;
    public static final double REGULAR_CV = 0.2;
    /** Bins of the synchrony measure {@code sync} (ms): the membrane's time scale, longer than a fast period. */
    public static final double SYNC_BIN_MS = 10.0;
    public static final double SLOW_SYNC = 0.5;
    public static final double FAST_COHERENCE = 0.35;
    /** Lags at which the coherence looks for the autocorrelation's side peak (ms): above the 1.5 ms delay's echo. */
    public static final double MIN_LAG_MS = 2.5;
    public static final double MAX_LAG_MS = 25.0;
    /** Spectral peaks are looked for above this frequency (Hz), away from the slow drift of the rate. */
    public static final double MIN_OSCILLATION_HZ = 10.0;

    private final String label;
    private final String description;

    Regime(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    /** The regime of a run from its mean rate (Hz), mean CV, synchrony and coherence. */
    public static Regime classify(double rateHz, double cvIsi, double sync, double coherence) {
        if (!(rateHz >= QUIET_HZ)) {
            return QUIET;
        }
        if (cvIsi < REGULAR_CV) {
            return SR;
        }
        if (sync >= SLOW_SYNC) {
            return SI_SLOW;
        }
        return coherence >= FAST_COHERENCE ? SI_FAST : AI;
    }
}
