package org.neurosweep.simulator.devices;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.neurosweep.simulator.BadParameterException;
import org.neurosweep.simulator.Params;
import org.neurosweep.simulator.Resolution;

/**
 * spike_recorder: records the spikes of the neurons connected to it (neuron -&gt; recorder), as
 * (sender, time). Replicated on every VP: each replica records the neurons of its VP, and with
 * {@code record_to = "ascii"} writes one file per VP named {@code <label>-<recorder id>-<vp>.dat} (NEST's
 * scheme). Memory grows only with the spikes recorded. Public for the kernel, which feeds the replicas and
 * reads the events back; made by {@link Devices#create}.
 */
public final class SpikeRecorder extends Device {
    static final String NAME = "spike_recorder";
    static final List<String> PARAMS = List.of("origin", "start", "stop", "label", "record_to");

    final Window window;
    final String label;
    final boolean toFiles;
    private final List<Buffer> buffers = new ArrayList<>();

    /** A spike_recorder with a replica on each of {@code virtualProcesses} VPs. */
    SpikeRecorder(int id, Map<String, ?> given, int virtualProcesses) {
        super(id, NAME);
        Params p = new Params(NAME, given, PARAMS);
        window = Window.parse(NAME, p);
        label = p.string("label", NAME);
        String to = p.string("record_to", "memory");
        if (!to.equals("memory") && !to.equals("ascii")) {
            throw new BadParameterException(NAME + ": record_to = '" + to + "' must be memory or ascii");
        }
        toFiles = to.equals("ascii");
        for (int vp = 0; vp < virtualProcesses; vp++) {
            buffers.add(new Buffer(vp));
        }
    }

    /** The replica on VP {@code vp}, which the kernel feeds with the spikes of that VP's neurons. */
    public Buffer buffer(int vp) {
        return buffers.get(vp);
    }

    /** Whether this recorder writes files ({@code record_to = "ascii"}), which the kernel does after each simulate. */
    public boolean writesFiles() {
        return toFiles;
    }

    /** The memory its replicas hold (bytes), for the kernel's statistics. */
    public long recordingBytes() {
        long bytes = 0;
        for (Buffer b : buffers) {
            bytes += b.bytes();
        }
        return bytes;
    }

    @Override
    public Map<String, Object> status(Resolution r) {
        Map<String, Object> m = common(window);
        m.put("label", label);
        m.put("record_to", toFiles ? "ascii" : "memory");
        int n = 0;
        for (Buffer b : buffers) {
            n += b.size;
        }
        m.put("n_events", n);
        return m;
    }

    @Override
    public void prepare(Resolution r) {
        window.prepare(r);
    }

    @Override
    public boolean sends() {
        return false;
    }

    /** The replica's buffer on one VP; written only by that VP's thread. */
    public final class Buffer {
        final int vp;
        int[] senders = new int[256];
        long[] stamps = new long[256];
        int size;

        Buffer(int vp) {
            this.vp = vp;
        }

        /** Records a spike of {@code sender} stamped {@code stamp} if the window lets it in; called by the kernel. */
        public void record(int sender, long stamp) {
            if (!window.contains(stamp)) {
                return;
            }
            if (size == senders.length) {
                senders = Arrays.copyOf(senders, size * 2);
                stamps = Arrays.copyOf(stamps, size * 2);
            }
            senders[size] = sender;
            stamps[size++] = stamp;
        }

        long bytes() {
            return senders.length * 4L + stamps.length * 8L;
        }
    }

    /** Every recorded spike, sorted by time, then sender; called by the kernel for {@code Kernel.spikes}. */
    public SpikeEvents events(Resolution r) {
        return events(keys(), r);
    }

    /** Every spike this process recorded as {@code (stamp << 32) | sender}, sorted; called by the kernel. */
    public long[] keys() {
        int total = 0;
        for (Buffer b : buffers) {
            total += b.size;
        }
        long[] keys = new long[total];
        int k = 0;
        for (Buffer b : buffers) {
            for (int i = 0; i < b.size; i++) {
                keys[k++] = (b.stamps[i] << 32) | b.senders[i];
            }
        }
        Arrays.sort(keys);
        return keys;
    }

    /** Sorted {@link #keys} as events; called by the kernel. */
    public static SpikeEvents events(long[] keys, Resolution r) {
        int total = keys.length;
        int[] senders = new int[total];
        double[] times = new double[total];
        for (int i = 0; i < total; i++) {
            senders[i] = (int) (keys[i] & 0xFFFFFFFFL);
            times[i] = r.toMs(keys[i] >>> 32);
        }
        return new SpikeEvents(senders, times);
    }

    /**
     * Writes one file per VP of this process ({@code localVp}), sorted by time, then sender, as NEST's ascii
     * backend; returns the files. Called by the kernel.
     */
    public List<Path> writeFiles(Path directory, Resolution r, java.util.function.IntPredicate localVp) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Buffer b : buffers) {
            if (!localVp.test(b.vp)) {
                continue; // written by the process that runs it
            }
            Path file = directory.resolve(label + "-" + id + "-" + b.vp + ".dat");
            long[] keys = new long[b.size];
            for (int i = 0; i < b.size; i++) {
                keys[i] = (b.stamps[i] << 32) | b.senders[i];
            }
            Arrays.sort(keys);
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                w.write("# neurosweep spike_recorder " + id + ", virtual process " + b.vp + "\n");
                w.write("sender\ttime_ms\n");
                for (long key : keys) {
                    w.write((key & 0xFFFFFFFFL) + "\t" + String.format(java.util.Locale.ROOT, "%.3f", r.toMs(key >>> 32)) + "\n");
                }
            }
            files.add(file);
        }
        return files;
    }
}
