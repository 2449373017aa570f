package org.neurosweep.simulator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * multimeter: samples recordables ({@code record_from}, e.g. V_m) of the neurons it is connected to
 * (multimeter -&gt; neuron) every {@code interval} ms, at times that are multiples of the interval. Like
 * Nengo's {@code sample_every}, a longer interval means less memory.
 */
final class Multimeter extends Device {
    static final String NAME = "multimeter";
    static final List<String> PARAMS = List.of("record_from", "interval", "start", "stop");
    static final List<String> KNOWN = List.of("V_m", "I_syn_ex", "I_syn_in");

    final String[] recordFrom;
    final double intervalMs;
    final Window window;
    long intervalSteps;
    final List<Buffer> buffers = new ArrayList<>();

    Multimeter(int id, Map<String, ?> given) {
        super(id, NAME);
        Params p = new Params(NAME, given, PARAMS);
        recordFrom = p.strings("record_from", new String[] {"V_m"});
        for (String r : recordFrom) {
            if (!KNOWN.contains(r)) {
                throw new UnknownNameException(NAME + ": unknown recordable '" + r + "'; recordables: " + KNOWN);
            }
        }
        intervalMs = p.number("interval", 1.0);
        Params.positive(NAME, "interval", intervalMs, "ms");
        window = Window.parse(NAME, p);
    }

    @Override
    void prepare(Resolution r) {
        intervalSteps = r.exactSteps(intervalMs, NAME + " interval");
        if (intervalSteps < 1) {
            throw new BadParameterException(NAME + ": interval " + intervalMs + " ms is shorter than the resolution");
        }
        window.prepare(r);
    }

    @Override
    boolean sends() {
        return false;
    }

    /** The replica's samples on one VP: sender, stamp and one value per recordable. */
    final class Buffer {
        int[] senders = new int[256];
        long[] stamps = new long[256];
        double[] values = new double[256 * recordFrom.length];
        int size;
        private final int[] which = new int[recordFrom.length];

        Buffer() {
            for (int k = 0; k < recordFrom.length; k++) {
                which[k] = KNOWN.indexOf(recordFrom[k]);
            }
        }

        void sample(int sender, long stamp, double vm, double iEx, double iIn) {
            if (stamp % intervalSteps != 0 || !window.contains(stamp)) {
                return;
            }
            if (size == senders.length) {
                senders = Arrays.copyOf(senders, size * 2);
                stamps = Arrays.copyOf(stamps, size * 2);
                values = Arrays.copyOf(values, size * 2 * recordFrom.length);
            }
            senders[size] = sender;
            stamps[size] = stamp;
            for (int k = 0; k < which.length; k++) {
                values[size * which.length + k] = which[k] == 0 ? vm : which[k] == 1 ? iEx : iIn;
            }
            size++;
        }

        long bytes() {
            return senders.length * 4L + stamps.length * 8L + values.length * 8L;
        }
    }

    /** Every sample, sorted by time, then sender. */
    MultimeterEvents events(Resolution r) {
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
