package org.neurosweep.benchmarks;

/**
 * One run of the hpc_benchmark network, by our simulator or by Brian2: times in wall-clock seconds (NaN where
 * a phase was not timed apart), figures over the simulate window.
 *
 * @param simulator           who ran it ("neurosweep", "Brian2 cython", ...)
 * @param threads             threads used
 * @param buildSeconds        creating neurons and synapses (ours: create, connect and laying the connections out)
 * @param compileSeconds      Brian2's code generation and compilation; NaN for ours
 * @param presimSeconds       the presim before the window
 * @param simulateSeconds     the window
 * @param spikes              spikes emitted in the window
 * @param events              synaptic events delivered in the window (one per spike and synapse)
 * @param rateE               mean E rate in the window (Hz)
 * @param rateI               mean I rate in the window (Hz)
 * @param rateETrace          the E rate in 25 ms bins of the window (Hz, space-separated)
 * @param plasticSynapses     E to E synapses
 * @param bytesPerPlastic     memory per plastic synapse (ours: SimulationStats.plasticBytes; Brian2: its per-synapse arrays)
 * @param rssBytesPerSynapse  growth of the resident memory per synapse of any kind while building; NaN for ours
 * @param wMean               mean E to E weight (pA) at the end
 * @param wMin                least
 * @param wMax                greatest
 */
record HpcRow(String simulator, int threads, double buildSeconds, double compileSeconds, double presimSeconds,
              double simulateSeconds, long spikes, long events, double rateE, double rateI, String rateETrace,
              long plasticSynapses, double bytesPerPlastic, double rssBytesPerSynapse, double wMean, double wMin,
              double wMax) {

    /** Wall-clock nanoseconds of the window per synaptic event. */
    double nsPerEvent() {
        return simulateSeconds / events * 1e9;
    }
}
