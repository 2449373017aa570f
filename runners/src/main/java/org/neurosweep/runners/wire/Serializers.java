package org.neurosweep.runners.wire;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.neurosweep.runners.wire.TrajectorySnapshot.GroupData;
import org.neurosweep.runners.wire.TrajectorySnapshot.LeafData;
import org.neurosweep.runners.wire.WireMessage.Crash;
import org.neurosweep.runners.wire.WireMessage.Done;
import org.neurosweep.runners.wire.WireMessage.Hello;
import org.neurosweep.runners.wire.WireMessage.Init;
import org.neurosweep.runners.wire.WireMessage.Shutdown;
import org.neurosweep.runners.wire.WireMessage.Task;
import org.neurosweep.trajectory.Branch;
import org.neurosweep.trajectory.RunFunction;
import org.neurosweep.trajectory.RunRecord;
import org.neurosweep.trajectory.RunStatus;
import org.neurosweep.trajectory.RunValue;
import org.neurosweep.trajectory.ValueType;

/** Hand-written serializers: explicit, compact, and independent of Kryo's handling of immutable collections. */
final class Serializers {
    private Serializers() {
    }

    static final class RecordSerializer extends Serializer<RunRecord> {
        @Override
        public void write(Kryo kryo, Output out, RunRecord r) {
            out.writeVarLong(r.index(), true);
            out.writeByte(r.status().ordinal());
            out.writeLong(r.startMillis());
            out.writeVarLong(r.durationNanos(), true);
            out.writeString(r.worker());
            out.writeString(r.error());
            out.writeVarInt(r.values().size(), true);
            for (RunValue v : r.values()) {
                out.writeByte(v.branch().ordinal());
                out.writeString(v.path());
                out.writeBoolean(v.summary());
                out.writeString(v.comment());
                out.writeString(v.unit());
                ValueIo.write(out, v.value());
            }
        }

        @Override
        public RunRecord read(Kryo kryo, Input in, Class<? extends RunRecord> type) {
            long index = in.readVarLong(true);
            RunStatus status = RunStatus.values()[in.readByte()];
            long start = in.readLong();
            long duration = in.readVarLong(true);
            String worker = in.readString();
            String error = in.readString();
            int n = in.readVarInt(true);
            List<RunValue> values = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                Branch b = Branch.values()[in.readByte()];
                String path = in.readString();
                boolean summary = in.readBoolean();
                String comment = in.readString();
                String unit = in.readString();
                Object value = ValueIo.read(in);
                values.add(new RunValue(b, path, ValueType.of(value), value, comment, summary, unit));
            }
            return new RunRecord(index, status, start, duration, worker, error, values);
        }
    }

    static final class SnapshotSerializer extends Serializer<TrajectorySnapshot> {
        @Override
        public void write(Kryo kryo, Output out, TrajectorySnapshot s) {
            out.writeString(s.name());
            out.writeLong(s.seed());
            out.writeLong(s.created().getEpochSecond());
            out.writeInt(s.created().getNano());
            out.writeString(s.comment());
            out.writeVarInt(s.leaves().size(), true);
            for (LeafData l : s.leaves()) {
                out.writeByte(l.branch().ordinal());
                out.writeString(l.path());
                out.writeString(l.comment());
                ValueIo.write(out, l.value());
            }
            out.writeVarInt(s.groups().size(), true);
            for (GroupData g : s.groups()) {
                out.writeByte(g.branch().ordinal());
                out.writeString(g.path());
                out.writeString(g.comment());
            }
            out.writeVarInt(s.explored().size(), true);
            s.explored().forEach(out::writeString);
            out.writeVarLong(s.runCount(), true);
            out.writeBoolean(s.columns() != null);
            if (s.columns() != null) {
                for (Object column : s.columns()) {
                    kryo.writeClassAndObject(out, column);
                }
            }
            out.writeVarLong(s.run() + 1, true);
            out.writeBoolean(s.point() != null);
            if (s.point() != null) {
                for (Object v : s.point()) {
                    ValueIo.write(out, v);
                }
            }
        }

        @Override
        public TrajectorySnapshot read(Kryo kryo, Input in, Class<? extends TrajectorySnapshot> type) {
            String name = in.readString();
            long seed = in.readLong();
            Instant created = Instant.ofEpochSecond(in.readLong(), in.readInt());
            String comment = in.readString();
            int nl = in.readVarInt(true);
            List<LeafData> leaves = new ArrayList<>(nl);
            for (int i = 0; i < nl; i++) {
                Branch b = Branch.values()[in.readByte()];
                String path = in.readString();
                String c = in.readString();
                leaves.add(new LeafData(b, path, ValueIo.read(in), c));
            }
            int ng = in.readVarInt(true);
            List<GroupData> groups = new ArrayList<>(ng);
            for (int i = 0; i < ng; i++) {
                groups.add(new GroupData(Branch.values()[in.readByte()], in.readString(), in.readString()));
            }
            int ne = in.readVarInt(true);
            List<String> explored = new ArrayList<>(ne);
            for (int i = 0; i < ne; i++) {
                explored.add(in.readString());
            }
            long runCount = in.readVarLong(true);
            Object[] columns = null;
            if (in.readBoolean()) {
                columns = new Object[ne];
                for (int c = 0; c < ne; c++) {
                    columns[c] = kryo.readClassAndObject(in);
                }
            }
            long run = in.readVarLong(true) - 1;
            Object[] point = null;
            if (in.readBoolean()) {
                point = new Object[ne];
                for (int c = 0; c < ne; c++) {
                    point[c] = ValueIo.read(in);
                }
            }
            return new TrajectorySnapshot(name, seed, created, comment, leaves, groups, explored, runCount, columns, run, point);
        }
    }

    static final class HelloSerializer extends Serializer<Hello> {
        @Override
        public void write(Kryo kryo, Output out, Hello h) {
            out.writeVarInt(h.registeredClasses().size(), true);
            h.registeredClasses().forEach(out::writeString);
        }

        @Override
        public Hello read(Kryo kryo, Input in, Class<? extends Hello> type) {
            int n = in.readVarInt(true);
            List<String> names = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                names.add(in.readString());
            }
            return new Hello(names);
        }
    }

    static final class InitSerializer extends Serializer<Init> {
        @Override
        public void write(Kryo kryo, Output out, Init m) {
            kryo.writeObjectOrNull(out, m.trajectory(), TrajectorySnapshot.class);
            kryo.writeClassAndObject(out, m.function());
        }

        @Override
        public Init read(Kryo kryo, Input in, Class<? extends Init> type) {
            TrajectorySnapshot s = kryo.readObjectOrNull(in, TrajectorySnapshot.class);
            return new Init(s, (RunFunction) kryo.readClassAndObject(in));
        }
    }

    static final class TaskSerializer extends Serializer<Task> {
        @Override
        public void write(Kryo kryo, Output out, Task m) {
            out.writeVarLong(m.index(), true);
            kryo.writeObjectOrNull(out, m.trajectory(), TrajectorySnapshot.class);
            kryo.writeClassAndObject(out, m.function());
        }

        @Override
        public Task read(Kryo kryo, Input in, Class<? extends Task> type) {
            long index = in.readVarLong(true);
            TrajectorySnapshot s = kryo.readObjectOrNull(in, TrajectorySnapshot.class);
            return new Task(index, s, (RunFunction) kryo.readClassAndObject(in));
        }
    }

    static final class DoneSerializer extends Serializer<Done> {
        @Override
        public void write(Kryo kryo, Output out, Done m) {
            kryo.writeObject(out, m.record());
        }

        @Override
        public Done read(Kryo kryo, Input in, Class<? extends Done> type) {
            return new Done(kryo.readObject(in, RunRecord.class));
        }
    }

    static final class CrashSerializer extends Serializer<Crash> {
        @Override
        public void write(Kryo kryo, Output out, Crash m) {
            out.writeString(m.text());
        }

        @Override
        public Crash read(Kryo kryo, Input in, Class<? extends Crash> type) {
            return new Crash(in.readString());
        }
    }

    static final class ShutdownSerializer extends Serializer<Shutdown> {
        @Override
        public void write(Kryo kryo, Output out, Shutdown m) {
        }

        @Override
        public Shutdown read(Kryo kryo, Input in, Class<? extends Shutdown> type) {
            return new Shutdown();
        }
    }
}
