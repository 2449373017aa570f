package org.neurosweep.runners.wire;

import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import org.neurosweep.trajectory.ValueType;

/** Writes and reads trajectory values (the eight value types) compactly: a type byte, then the value. */
final class ValueIo {
    private ValueIo() {
    }

    static void write(Output out, Object value) {
        ValueType type = ValueType.of(value);
        out.writeByte(type.ordinal());
        switch (type) {
            case BOOLEAN -> out.writeBoolean((Boolean) value);
            case INT -> out.writeVarInt((Integer) value, false);
            case LONG -> out.writeVarLong((Long) value, false);
            case DOUBLE -> out.writeDouble((Double) value);
            case STRING -> out.writeString((String) value);
            case INT_ARRAY -> {
                int[] a = (int[]) value;
                out.writeVarInt(a.length, true);
                out.writeInts(a, 0, a.length);
            }
            case LONG_ARRAY -> {
                long[] a = (long[]) value;
                out.writeVarInt(a.length, true);
                out.writeLongs(a, 0, a.length);
            }
            default -> {
                double[] a = (double[]) value;
                out.writeVarInt(a.length, true);
                out.writeDoubles(a, 0, a.length);
            }
        }
    }

    static Object read(Input in) {
        ValueType type = ValueType.values()[in.readByte()];
        return switch (type) {
            case BOOLEAN -> in.readBoolean();
            case INT -> in.readVarInt(false);
            case LONG -> in.readVarLong(false);
            case DOUBLE -> in.readDouble();
            case STRING -> in.readString();
            case INT_ARRAY -> in.readInts(in.readVarInt(true));
            case LONG_ARRAY -> in.readLongs(in.readVarInt(true));
            default -> in.readDoubles(in.readVarInt(true));
        };
    }
}
