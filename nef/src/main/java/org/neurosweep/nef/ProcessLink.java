package org.neurosweep.nef;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.neurosweep.exchange.Exchange;
import org.neurosweep.nef.Parts.Link;
import org.neurosweep.nef.Parts.Rec;

/**
 * What crosses processes: each step, the synapse inputs of connections whose pre and post objects run on
 * different processes (8 bytes a value, one all-gather); after each run, every probe's new samples, so that
 * every process has them all.
 */
final class ProcessLink {
    private final Exchange exchange;
    private final int rank;
    private final int processes;
    private final int[] processOf;
    private final Link[] links;
    private final Rec[] recs;
    /** Connections this process sends: pre here, post elsewhere, in connection order. */
    private final List<Link> sentLinks = new ArrayList<>();
    private byte[] message = new byte[0];

    /** {@code exchange} null: one process. */
    ProcessLink(Exchange exchange, int[] processOf, Link[] links, Rec[] recs) {
        this.exchange = exchange;
        this.rank = exchange == null ? 0 : exchange.rank();
        this.processes = exchange == null ? 1 : exchange.size();
        this.processOf = processOf;
        this.links = links;
        this.recs = recs;
        for (Link l : links) {
            if (processOf[l.pre] != processOf[l.post] && processOf[l.pre] == rank) {
                sentLinks.add(l);
            }
        }
    }

    /** The synapse inputs of connections that cross processes, sent to every process and taken where their post object runs. */
    void exchange(int parity) {
        if (processes == 1) {
            return;
        }
        int length = 0;
        for (Link l : sentLinks) {
            length += 8 * l.dPost;
        }
        if (message.length < length) {
            message = new byte[length];
        }
        ByteBuffer out = ByteBuffer.wrap(message);
        for (Link l : sentLinks) {
            double[] u = l.u[parity];
            for (int i = 0; i < l.dPost; i++) {
                out.putDouble(u[l.uOff + i]);
            }
        }
        ByteBuffer[] all = exchange.allGather(message, length);
        for (int r = 0; r < processes; r++) {
            if (r == rank) {
                continue;
            }
            ByteBuffer in = all[r];
            for (Link l : links) {
                if (processOf[l.pre] != r || processOf[l.post] == r) {
                    continue;
                }
                if (processOf[l.post] == rank) {
                    double[] u = l.u[parity];
                    for (int i = 0; i < l.dPost; i++) {
                        u[l.uOff + i] = in.getDouble();
                    }
                } else {
                    in.position(in.position() + 8 * l.dPost);
                }
            }
        }
    }

    /** Every process gets the samples the others took of their probes since the last gathering. */
    void gatherProbes() {
        if (processes == 1) {
            return;
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.DataOutputStream out = new java.io.DataOutputStream(bytes);
        try {
            for (Rec r : recs) {
                if (r.local) {
                    out.writeInt(r.count - r.gathered);
                    int size = r.filtered.length;
                    for (int s = r.gathered; s < r.count; s++) {
                        out.writeDouble(r.times[s]);
                        for (int i = 0; i < size; i++) {
                            out.writeDouble(r.data[s * size + i]);
                        }
                    }
                    r.gathered = r.count;
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        byte[] m = bytes.toByteArray();
        ByteBuffer[] all = exchange.allGather(m, m.length);
        for (int p = 0; p < processes; p++) {
            if (p == rank) {
                continue;
            }
            ByteBuffer in = all[p];
            for (Rec r : recs) {
                if (processOf[r.obj] != p) {
                    continue;
                }
                int count = in.getInt();
                for (int s = 0; s < count; s++) {
                    double time = in.getDouble();
                    double[] v = new double[r.filtered.length];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = in.getDouble();
                    }
                    r.add(time, v, 0);
                }
            }
        }
    }
}
