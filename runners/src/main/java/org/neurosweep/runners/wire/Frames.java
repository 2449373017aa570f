package org.neurosweep.runners.wire;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;

/** Length-prefixed frames: a 4-byte big-endian length, then that many bytes. */
public final class Frames {
    /** The largest frame accepted: a guard against reading garbage as a length. */
    public static final int MAX_FRAME = 1 << 30;

    private Frames() {
    }

    public static void write(DataOutputStream out, byte[] frame) throws IOException {
        out.writeInt(frame.length);
        out.write(frame);
    }

    /** The next frame, or null at a clean end of stream. */
    public static byte[] read(DataInputStream in) throws IOException {
        int length;
        try {
            length = in.readInt();
        } catch (EOFException e) {
            return null;
        }
        if (length < 0 || length > MAX_FRAME) {
            throw new IOException("bad frame length " + length + " (a worker wrote to standard output?)");
        }
        byte[] frame = new byte[length];
        in.readFully(frame);
        return frame;
    }
}
