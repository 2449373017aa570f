package org.neurosweep.simulator;

/**
 * How the processes of one simulation spent their time, as NEURON's guide asks to see it (one entry per
 * process, gathered from every process after each simulate; a single process has one entry). Seconds
 * are summed over every simulate so far.
 *
 * @param processes       how many processes
 * @param rank            which one this is
 * @param updateSeconds   per process: updating its VPs (wall clock)
 * @param deliverSeconds  per process: delivering spikes into its VPs (wall clock)
 * @param exchangeSeconds per process: the whole exchange phase (local merge, encode, send, wait, decode, merge)
 * @param sendSeconds     per process: encoding its spikes and handing them to the transport
 * @param waitSeconds     per process: waiting for the other processes' spikes
 * @param mergeSeconds    per process: decoding what arrived and merging it into the canonical order
 * @param bytesSent       per process: bytes it sent (its messages times the other processes)
 * @param spikesSent      per process: spikes it sent (its own neurons')
 * @param messageBytes    per process: the bytes of its messages (each sent to every other process)
 * @param connectionBytes per process: memory of its connection tables
 * @param events          per process: synaptic events it delivered
 * @param vpUpdateSeconds per VP: update time
 * @param vpDeliverSeconds per VP: delivery time
 */
public record ProcessStats(int processes, int rank, double[] updateSeconds, double[] deliverSeconds,
                           double[] exchangeSeconds, double[] sendSeconds, double[] waitSeconds, double[] mergeSeconds,
                           long[] bytesSent, long[] spikesSent, long[] messageBytes, long[] connectionBytes, long[] events,
                           double[] vpUpdateSeconds, double[] vpDeliverSeconds) {

    /** What happened since {@code earlier} (figures of the same simulation, taken before): a difference per entry. */
    public ProcessStats minus(ProcessStats earlier) {
        return new ProcessStats(processes, rank, sub(updateSeconds, earlier.updateSeconds), sub(deliverSeconds, earlier.deliverSeconds),
                sub(exchangeSeconds, earlier.exchangeSeconds), sub(sendSeconds, earlier.sendSeconds),
                sub(waitSeconds, earlier.waitSeconds), sub(mergeSeconds, earlier.mergeSeconds), sub(bytesSent, earlier.bytesSent),
                sub(spikesSent, earlier.spikesSent), sub(messageBytes, earlier.messageBytes), connectionBytes,
                sub(events, earlier.events), sub(vpUpdateSeconds, earlier.vpUpdateSeconds),
                sub(vpDeliverSeconds, earlier.vpDeliverSeconds));
    }

    private static double[] sub(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }

    private static long[] sub(long[] a, long[] b) {
        long[] d = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }

    /** Per process: update plus delivery, the work that placement spreads. */
    public double[] computeSeconds() {
        double[] c = new double[processes];
        for (int p = 0; p < processes; p++) {
            c[p] = updateSeconds[p] + deliverSeconds[p];
        }
        return c;
    }

    /** NEURON's load balance: mean over max of the processes' compute times (1 is perfect). */
    public double loadBalance() {
        double sum = 0;
        double max = 0;
        for (double c : computeSeconds()) {
            sum += c;
            max = Math.max(max, c);
        }
        return max > 0 ? sum / processes / max : 1.0;
    }

    /** Wall clock of the simulation loop: the longest of the processes' update + exchange + deliver. */
    public double wallSeconds() {
        double max = 0;
        for (int p = 0; p < processes; p++) {
            max = Math.max(max, updateSeconds[p] + exchangeSeconds[p] + deliverSeconds[p]);
        }
        return max;
    }

    /** NEURON's exchange time: wall clock minus the longest compute time. */
    public double exchangeTimeSeconds() {
        double max = 0;
        for (double c : computeSeconds()) {
            max = Math.max(max, c);
        }
        return Math.max(0, wallSeconds() - max);
    }

    /** Bytes a spike takes on the wire (its message bytes over its spikes), or 0 before any spike was sent. */
    public double bytesPerSpike() {
        long bytes = 0;
        long spikes = 0;
        for (int p = 0; p < processes; p++) {
            bytes += messageBytes[p];
            spikes += spikesSent[p];
        }
        return spikes > 0 ? (double) bytes / spikes : 0;
    }
}
