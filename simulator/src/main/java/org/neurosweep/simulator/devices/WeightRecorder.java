package org.neurosweep.simulator.devices;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.neurosweep.simulator.Params;
import org.neurosweep.simulator.Resolution;

/**
 * weight_recorder: logs every spike sent through the plastic synapses that name it (synapse parameter
 * {@code weight_recorder}), as (sender, target, time, weight): the weight the spike was delivered with.
 * Replicated on every VP: each replica logs the synapses of its VP. Public for the kernel, which hands the
 * replicas to the plastic synapses and reads the events back; made by {@link Devices#create}.
 */
public final class WeightRecorder extends Device {
    static final String NAME = "weight_recorder";

    final Window window;
    private final List<Buffer> buffers = new ArrayList<>();

    /** A weight_recorder with a replica on each of {@code virtualProcesses} VPs. */
    WeightRecorder(int id, Map<String, ?> given, int virtualProcesses) {
        super(id, NAME);
        window = Window.parse(NAME, new Params(NAME, given, List.of("start", "stop")));
        for (int vp = 0; vp < virtualProcesses; vp++) {
            buffers.add(new Buffer());
        }
    }

    /** The replica on VP {@code vp}, which the plastic synapses of that VP log into. */
    public Buffer buffer(int vp) {
        return buffers.get(vp);
    }

    @Override
    public Map<String, Object> status(Resolution r) {
        Map<String, Object> m = common(window);
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

    /** One VP's log; written only by that VP's thread. */
    public final class Buffer {
        int[] senders = new int[64];
        int[] targets = new int[64];
        long[] stamps = new long[64];
        double[] weights = new double[64];
        int size;

        Buffer() {
        }

        /** Logs a spike delivered with {@code weight} if the window lets it in; called by the plastic synapses. */
        public void record(int sender, int target, long stamp, double weight) {
            if (!window.contains(stamp)) {
                return;
            }
            if (size == senders.length) {
                senders = Arrays.copyOf(senders, size * 2);
                targets = Arrays.copyOf(targets, size * 2);
                stamps = Arrays.copyOf(stamps, size * 2);
                weights = Arrays.copyOf(weights, size * 2);
            }
            senders[size] = sender;
            targets[size] = target;
            stamps[size] = stamp;
            weights[size] = weight;
            size++;
        }
    }

    /**
     * Every logged spike, by time, then sender, then target (then the order of the synapses); called by the
     * kernel for {@code Kernel.weights}.
     */
    public WeightEvents events(Resolution r) {
        List<long[]> order = new ArrayList<>();
        for (int b = 0; b < buffers.size(); b++) {
            Buffer buf = buffers.get(b);
            for (int i = 0; i < buf.size; i++) {
                order.add(new long[] {buf.stamps[i], buf.senders[i], buf.targets[i], b, i});
            }
        }
        order.sort((x, y) -> {
            for (int k = 0; k < 3; k++) {
                if (x[k] != y[k]) {
                    return Long.compare(x[k], y[k]);
                }
            }
            return 0;
        });
        int n = order.size();
        int[] senders = new int[n];
        int[] targets = new int[n];
        double[] times = new double[n];
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            long[] o = order.get(i);
            Buffer buf = buffers.get((int) o[3]);
            senders[i] = (int) o[1];
            targets[i] = (int) o[2];
            times[i] = r.toMs(o[0]);
            weights[i] = buf.weights[(int) o[4]];
        }
        return new WeightEvents(senders, targets, times, weights);
    }
}
