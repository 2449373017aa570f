package org.neurosweep.simulator;

import java.util.ArrayList;
import java.util.List;
import org.neurosweep.simulator.devices.CurrentGenerator;
import org.neurosweep.simulator.devices.Multimeter;
import org.neurosweep.simulator.devices.SpikeRecorder;
import org.neurosweep.simulator.devices.SpikeTrainSource;
import org.neurosweep.simulator.synapses.PostHistory;

/**
 * One virtual process: its neurons (populations), their input ring buffers, the device inputs and
 * recorders replicated on it, its connections (grouped by source), and the spikes it emitted in the
 * current slice. Only the thread running this VP touches it during a slice.
 *
 * <p>Ring buffers are rows by slot ({@code [slot][local]}): the many writes of one spike's delivery all
 * fall in one row, which stays in cache, and a step-major update reads one row per step.
 */
final class VirtualProcess {
    final int index;
    /** Whether this VP is this process's (v % processes == rank); the others stay empty. */
    boolean local = true;
    final List<Population> populations = new ArrayList<>();
    /** Global id of each local neuron, by local index. */
    int[] ids = new int[0];
    int localNeurons;
    int ring;
    /** Input arriving at each local neuron, by ring slot: [slot][local]. */
    double[][] bufEx;
    double[][] bufIn;
    /**
     * Per ring slot, when a population can use it ({@link Population#usesTouchedLists}): the local neurons
     * that input was delivered to in that slot, in either buffer (with repeats), so that a sparse slot need
     * not be read whole; {@code touchedCount[slot]} entries are valid, or -1: too many to list, or not known,
     * and the whole row must be read. Emptied when a slice's update has consumed its slots. Null otherwise.
     */
    int[][] touched;
    int[] touchedCount;
    /** One slice of one neuron's device input, by lag: filled by {@link #spikeTrainSlice} and {@link #dcSlice}. */
    double[] sliceEx = new double[64];
    double[] sliceIn = new double[64];
    double[] sliceCurrent = new double[64];
    /** One slice of one neuron's input by lag, out of the ring buffers (and generated spikes): {@link #takeInput}. */
    double[] inputEx = new double[64];
    double[] inputIn = new double[64];

    /**
     * Connections of devices whose spikes are made at the target ({@link SpikeTrainSource}): poisson_generator's
     * and spike_generator's (named after the first; the populations test it before {@link #addPoisson}).
     */
    final DeviceInputs poisson = new DeviceInputs();
    /** Connections of current generators ({@link CurrentGenerator}), whose values are made at the target too. */
    final DeviceInputs dc = new DeviceInputs();
    final ConnectionTable connections = new ConnectionTable();
    /** Plastic synapses into this VP's neurons, one group per connect call. */
    final List<PlasticGroup> plastic = new ArrayList<>();
    /** Spike histories of the neurons that plastic synapses read; {@link #archiving} once any does. */
    final PostHistory history = new PostHistory();
    boolean archiving;
    /** Per local neuron: tau_minus (ms), the decay of its trace for STDP (NEST's ArchivingNode parameter). */
    double[] tauMinus = new double[0];
    /** Per local neuron: whether its model takes all input in one buffer (set when the network is prepared). */
    boolean[] summed = new boolean[0];
    /** Per local neuron: whether it counts arriving spikes whatever their weight (parrot_neuron). */
    boolean[] counts = new boolean[0];
    Resolution resolution;
    /** Per local neuron: the index of its spike recorder on this VP, or -1. */
    int[] recorderOf = new int[0];
    /** Per local neuron: the index of its multimeter on this VP, or -1. */
    int[] meterOf = new int[0];
    /** Sets of spike_recorder buffers: a neuron with {@code recorderOf[local] = r} feeds every buffer of set r. */
    final List<SpikeRecorder.Buffer[]> recorders = new ArrayList<>();
    /** Sets of multimeter buffers: a neuron with {@code meterOf[local] = m} is sampled into every buffer of set m. */
    final List<Multimeter.Buffer[]> meters = new ArrayList<>();

    /** Spikes emitted in this slice: (stamp << 32) | sender, in emission order. */
    long[] outbox = new long[1024];
    int outboxSize;

    long updateNanos;
    long deliverNanos;
    long eventsDelivered;

    VirtualProcess(int index) {
        this.index = index;
    }

    /** The shortest delay (steps) of the connections into this VP's neurons, or Integer.MAX_VALUE if none. */
    int minDelay() {
        int min = connections.minDelay;
        for (PlasticGroup g : plastic) {
            min = Math.min(min, g.minDelay);
        }
        return min;
    }

    /** The longest delay (steps) of the connections into this VP's neurons, or 0 if none. */
    int maxDelay() {
        int max = connections.maxDelay;
        for (PlasticGroup g : plastic) {
            max = Math.max(max, g.maxDelay);
        }
        return max;
    }

    /** Adds a neuron; returns its local index. */
    int addNeuron(int id) {
        if (localNeurons == ids.length) {
            ids = java.util.Arrays.copyOf(ids, Math.max(16, ids.length * 2));
            recorderOf = grow(recorderOf, ids.length);
            meterOf = grow(meterOf, ids.length);
            int old = tauMinus.length;
            tauMinus = java.util.Arrays.copyOf(tauMinus, ids.length);
            java.util.Arrays.fill(tauMinus, old, ids.length, 20.0);
        }
        ids[localNeurons] = id;
        return localNeurons++;
    }

    /**
     * Allocates the ring buffers and per-neuron tables once the network is complete; input already
     * scheduled for steps from {@code now} on is kept (a network grown between two simulate calls).
     */
    void prepare(int ringLength, long now) {
        summed = new boolean[localNeurons];
        counts = new boolean[localNeurons];
        for (Population p : populations) {
            java.util.Arrays.fill(summed, p.firstLocal, p.firstLocal + p.size(), p.sumsInput());
            java.util.Arrays.fill(counts, p.firstLocal, p.firstLocal + p.size(), p.countsSpikes());
        }
        history.tauMinus(tauMinus);
        if (ring == ringLength && bufEx != null && bufEx[0].length == localNeurons) {
            poisson.prepare(localNeurons);
            dc.prepare(localNeurons);
            prepareTouched();
            return;
        }
        double[][] oldEx = bufEx;
        double[][] oldIn = bufIn;
        int oldRing = ring;
        int oldLocal = oldEx == null ? 0 : oldEx[0].length;
        ring = ringLength;
        bufEx = new double[ringLength][localNeurons];
        bufIn = new double[ringLength][localNeurons];
        if (sliceEx.length < ringLength) {
            sliceEx = new double[ringLength];
            sliceIn = new double[ringLength];
            sliceCurrent = new double[ringLength];
            inputEx = new double[ringLength];
            inputIn = new double[ringLength];
        }
        if (oldEx != null) {
            for (int n = 0; n < oldLocal; n++) {
                for (long t = now; t < now + oldRing; t++) {
                    int from = (int) (t % oldRing);
                    int to = (int) (t % ring);
                    bufEx[to][n] = oldEx[from][n];
                    bufIn[to][n] = oldIn[from][n];
                }
            }
        }
        poisson.prepare(localNeurons);
        dc.prepare(localNeurons);
        touched = null;
        prepareTouched();
    }

    /**
     * Lists touched neurons per slot if a population uses the lists, up to an eighth of the VP's neurons
     * (past that, reading the whole row costs less). Every slot starts unknown (-1): input may be waiting.
     */
    private void prepareTouched() {
        boolean wanted = false;
        for (Population p : populations) {
            wanted |= p.usesTouchedLists();
        }
        if (!wanted) {
            touched = null;
            touchedCount = null;
        } else if (touched == null) {
            touched = new int[ring][Math.max(16, localNeurons / 8)];
            touchedCount = new int[ring];
            java.util.Arrays.fill(touchedCount, -1);
        }
    }

    /** After every population's update of the steps {@code from .. from + steps - 1}: their slots are empty. */
    void consumed(long from, int steps) {
        if (touchedCount != null) {
            int slot = (int) (from % ring);
            for (int lag = 0; lag < steps; lag++, slot = slot + 1 == ring ? 0 : slot + 1) {
                touchedCount[slot] = 0;
            }
        }
    }

    private static int[] grow(int[] a, int n) {
        int old = a.length;
        int[] b = java.util.Arrays.copyOf(a, n);
        java.util.Arrays.fill(b, old, n, -1);
        return b;
    }

    /** The input waiting in a ring buffer for a local neuron at a slot, which is emptied for its next turn. */
    private static double take(double[][] buffer, int slot, int local) {
        double[] row = buffer[slot];
        double x = row[local];
        row[local] = 0;
        return x;
    }

    void emit(int id, long stamp) {
        if (outboxSize == outbox.length) {
            outbox = java.util.Arrays.copyOf(outbox, outbox.length * 2);
        }
        outbox[outboxSize++] = (stamp << 32) | id;
    }

    /**
     * Fills {@link #sliceEx} and {@link #sliceIn} with the generated spike input ({@link SpikeTrainSource}:
     * weights of either sign, by lag) arriving at local neuron {@code local} in the steps
     * {@code from .. from + steps - 1}; one tight loop per connection.
     *
     * @return false, touching nothing, if the neuron has no such input
     */
    boolean spikeTrainSlice(int local, long from, int steps) {
        DeviceInputs p = poisson;
        int begin = p.start[local];
        int end = p.start[local + 1];
        if (begin == end) {
            return false;
        }
        double[] ex = sliceEx;
        double[] in = sliceIn;
        java.util.Arrays.fill(ex, 0, steps, 0.0);
        java.util.Arrays.fill(in, 0, steps, 0.0);
        for (int c = begin; c < end; c++) {
            p.state[c] = ((SpikeTrainSource) p.source[c]).addSlice(ex, in, from - p.delay[c] + 1, steps, p.weight[c], p.state[c]);
        }
        return true;
    }

    /**
     * Neuron-major: fills {@link #inputEx} and {@link #inputIn} with what arrives at local neuron
     * {@code local} in each step of the slice, taken out of its ring buffers (generated spikes included:
     * {@link #addPoisson}); excitatory plus inhibitory in {@link #inputEx} alone if {@code summed} (delta
     * neurons).
     */
    void takeInput(int local, long from, int steps, boolean summed) {
        int slot = (int) (from % ring);
        for (int lag = 0; lag < steps; lag++, slot = slot + 1 == ring ? 0 : slot + 1) {
            inputEx[lag] = take(bufEx, slot, local);
            if (!summed) {
                inputIn[lag] = take(bufIn, slot, local);
            }
        }
    }

    /**
     * Adds a slice's generated spike input (poisson_generator's and spike_generator's: {@link #poisson}) to
     * local neurons {@code first .. first + n - 1} into the ring buffers, before their update: excitatory
     * plus inhibitory into {@link #bufEx} if {@code summed} (delta neurons), else each into its own buffer;
     * the neurons that got some are listed in the touched lists (while they have room).
     */
    void addPoisson(int first, int n, long from, int steps, boolean summed) {
        final double[] ex = sliceEx;
        final double[] in = sliceIn;
        final int slot0 = (int) (from % ring);
        final boolean listing = touchedCount != null;
        for (int local = first; local < first + n; local++) {
            if (spikeTrainSlice(local, from, steps)) {
                int slot = slot0;
                for (int lag = 0; lag < steps; lag++, slot = slot + 1 == ring ? 0 : slot + 1) {
                    if (summed) {
                        bufEx[slot][local] += ex[lag] + in[lag];
                    } else {
                        bufEx[slot][local] += ex[lag];
                        bufIn[slot][local] += in[lag];
                    }
                    if (listing && (ex[lag] != 0 || in[lag] != 0)) {
                        list(slot, local);
                    }
                }
            }
        }
    }

    /** Lists a neuron that got input in a slot, or marks the slot's list unknown when it is full. */
    private void list(int slot, int local) {
        int k = touchedCount[slot];
        if (k < 0) {
            return;
        }
        if (k == touched[slot].length) {
            touchedCount[slot] = -1;
            return;
        }
        touched[slot][k] = local;
        touchedCount[slot] = k + 1;
    }

    /** A sample of a neuron into every multimeter of its set. */
    void sample(int set, int sender, long stamp, double vm, double iEx, double iIn) {
        for (Multimeter.Buffer b : meters.get(set)) {
            b.sample(sender, stamp, vm, iEx, iIn);
        }
    }

    /** A sample of neuron i of population p, read by name, into every multimeter of its set. */
    void sample(int set, Population p, int i, long stamp) {
        int sender = p.ids[i];
        for (Multimeter.Buffer b : meters.get(set)) {
            b.sample(sender, stamp, p, i);
        }
    }

    /** A neuron's spike into every spike_recorder of its set. */
    void record(int set, int sender, long stamp) {
        for (SpikeRecorder.Buffer b : recorders.get(set)) {
            b.record(sender, stamp);
        }
    }

    /**
     * Fills {@link #sliceCurrent} with the current of current generators (pA, by lag) arriving at local neuron {@code local}.
     *
     * @return false, touching nothing, if the neuron has no DC input
     */
    boolean dcSlice(int local, long from, int steps) {
        DeviceInputs d = dc;
        int begin = d.start[local];
        int end = d.start[local + 1];
        if (begin == end) {
            return false;
        }
        double[] cur = sliceCurrent;
        java.util.Arrays.fill(cur, 0, steps, 0.0);
        for (int c = begin; c < end; c++) {
            ((CurrentGenerator) d.source[c]).addTo(cur, from - d.delay[c] + 1, steps, d.weight[c], d.state[c]);
        }
        return true;
    }
}
