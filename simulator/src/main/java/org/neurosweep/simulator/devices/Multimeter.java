package org.neurosweep.simulator.devices;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.neurosweep.simulator.BadParameterException;
import org.neurosweep.simulator.Params;
import org.neurosweep.simulator.Resolution;
import org.neurosweep.simulator.UnknownNameException;

/**
 * multimeter: samples recordables ({@code record_from}, e.g. V_m) of the neurons it is connected to
 * (multimeter -&gt; neuron) every {@code interval} ms, at times offset + k interval ({@code offset}, default
 * 0). Like Nengo's {@code sample_every}, a longer interval means less memory. {@code voltmeter} is NEST's
 * multimeter that records V_m. The interval and offset must be multiples of the resolution: refused at create.
 * Replicated on every VP: each replica samples the neurons of its VP. Public for the kernel, which feeds the
 * replicas and reads the events back; made by {@link Devices#create}.
 */
public final class Multimeter extends Device {
    static final String NAME = "multimeter";
    static final String VOLTMETER = "voltmeter";
    static final List<String> PARAMS = List.of("record_from", "interval", "offset", "origin", "start", "stop");
    static final List<String> VOLTMETER_PARAMS = List.of("interval", "offset", "origin", "start", "stop");
    /** The recordables of the iaf_psc models, in the order their updates pass them to {@link Buffer#sample}. */
    static final List<String> IAF = List.of("V_m", "I_syn_ex", "I_syn_in");

    final String[] recordFrom;
    final double intervalMs;
    final double offsetMs;
    final Window window;
    long intervalSteps;
    long offsetSteps;
    private final List<Buffer> buffers = new ArrayList<>();

    /**
     * A multimeter or voltmeter with a replica on each of {@code virtualProcesses} VPs; {@code known} are the
     * recordables of any neuron model, which {@code record_from} may name.
     */
    Multimeter(int id, String model, Map<String, ?> given, int virtualProcesses, List<String> known) {
        super(id, model);
        boolean voltmeter = model.equals(VOLTMETER);
        Params p = new Params(model, given, voltmeter ? VOLTMETER_PARAMS : PARAMS);
        recordFrom = voltmeter ? new String[] {"V_m"} : p.strings("record_from", new String[] {"V_m"});
        for (String r : recordFrom) {
            if (!known.contains(r)) {
                throw new UnknownNameException(NAME + ": unknown recordable '" + r + "'; recordables: " + known);
            }
        }
        intervalMs = p.number("interval", 1.0);
        Params.positive(model, "interval", intervalMs, "ms");
        offsetMs = p.number("offset", 0.0);
        Params.nonNegative(model, "offset", offsetMs, "ms");
        window = Window.parse(model, p);
        for (int vp = 0; vp < virtualProcesses; vp++) {
            buffers.add(new Buffer());
        }
    }

    /** The recordables it samples ({@code record_from}), in the order of its values. */
    public List<String> recordFrom() {
        return List.of(recordFrom);
    }

    /** The replica on VP {@code vp}, which samples that VP's neurons. */
    public Buffer buffer(int vp) {
        return buffers.get(vp);
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
        m.put("record_from", List.of(recordFrom));
        m.put("interval", intervalMs);
        m.put("offset", offsetMs);
        int n = 0;
        for (Buffer b : buffers) {
            n += b.size;
        }
        m.put("n_events", n);
        return m;
    }

    @Override
    public void prepare(Resolution r) {
        intervalSteps = r.exactSteps(intervalMs, model + " interval");
        if (intervalSteps < 1) {
            throw new BadParameterException(model + ": interval " + intervalMs + " ms is shorter than the resolution");
        }
        offsetSteps = r.exactSteps(offsetMs, model + " offset");
        window.prepare(r);
    }

    @Override
    public boolean sends() {
        return false;
    }

    /** The replica's samples on one VP: sender, stamp and one value per recordable; written only by that VP's thread. */
    public final class Buffer {
        int[] senders = new int[256];
        long[] stamps = new long[256];
        double[] values = new double[256 * recordFrom.length];
        int size;
        private final int[] which = new int[recordFrom.length];

        Buffer() {
            for (int k = 0; k < recordFrom.length; k++) {
                which[k] = IAF.indexOf(recordFrom[k]);
            }
        }

        /** A sample from an iaf_psc model's update, which passes its three recordables; called by the kernel. */
        public void sample(int sender, long stamp, double vm, double iEx, double iIn) {
            if (!due(stamp)) {
                return;
            }
            grow();
            senders[size] = sender;
            stamps[size] = stamp;
            for (int k = 0; k < which.length; k++) {
                values[size * which.length + k] = which[k] == 0 ? vm : which[k] == 1 ? iEx : iIn;
            }
            size++;
        }

        /** A sample of neuron i of any population, its recordables read by name; called by the kernel. */
        public void sample(int sender, long stamp, Recordables p, int i) {
            if (!due(stamp)) {
                return;
            }
            grow();
            senders[size] = sender;
            stamps[size] = stamp;
            for (int k = 0; k < recordFrom.length; k++) {
                values[size * recordFrom.length + k] = p.get(recordFrom[k], i);
            }
            size++;
        }

        private boolean due(long stamp) {
            return stamp >= offsetSteps && (stamp - offsetSteps) % intervalSteps == 0 && window.contains(stamp);
        }

        private void grow() {
            if (size == senders.length) {
                senders = Arrays.copyOf(senders, size * 2);
                stamps = Arrays.copyOf(stamps, size * 2);
                values = Arrays.copyOf(values, size * 2 * recordFrom.length);
            }
        }

        long bytes() {
            return senders.length * 4L + stamps.length * 8L + values.length * 8L;
        }
    }

    /** Every sample, sorted by time, then sender; called by the kernel for {@code Kernel.samples}. */
    public MultimeterEvents events(Resolution r) {
        List<long[]> order = new ArrayList<>();
        for (int b = 0; b < buffers.size(); b++) {
            Buffer buf = buffers.get(b);
            for (int i = 0; i < buf.size; i++) {
                order.add(new long[] {buf.stamps[i], buf.senders[i], b, i});
            }
        }
        order.sort((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
        int n = order.size();
        int[] senders = new int[n];
        double[] times = new double[n];
        double[][] values = new double[recordFrom.length][n];
        for (int i = 0; i < n; i++) {
            long[] o = order.get(i);
            Buffer buf = buffers.get((int) o[2]);
            senders[i] = (int) o[1];
            times[i] = r.toMs(o[0]);
            for (int k = 0; k < recordFrom.length; k++) {
                values[k][i] = buf.values[(int) o[3] * recordFrom.length + k];
            }
        }
        return new MultimeterEvents(List.of(recordFrom), senders, times, values);
    }
}
