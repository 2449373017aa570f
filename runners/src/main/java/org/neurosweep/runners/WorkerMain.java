package org.neurosweep.runners;

import com.esotericsoftware.kryo.Kryo;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import org.neurosweep.runners.wire.Frames;
import org.neurosweep.runners.wire.KryoRegistry;
import org.neurosweep.runners.wire.TrajectorySnapshot;
import org.neurosweep.runners.wire.WireMessage;
import org.neurosweep.runners.wire.WireMessage.Done;
import org.neurosweep.runners.wire.WireMessage.Hello;
import org.neurosweep.runners.wire.WireMessage.Init;
import org.neurosweep.runners.wire.WireMessage.Shutdown;
import org.neurosweep.runners.wire.WireMessage.Task;
import org.neurosweep.trajectory.RunFunction;
import org.neurosweep.trajectory.Trajectory;

/**
 * A worker process of the PROCESSES mode: reads frames from standard input (Hello, Init, then Tasks),
 * runs each task and writes a Done frame per run to standard output. Anything the run function prints
 * goes to standard error, so that standard output carries frames only.
 */
public final class WorkerMain {
    /** Finished runs wait at most this long in the output buffer. */
    private static final long FLUSH_NANOS = 5_000_000;

    private WorkerMain() {
    }

    private static void flush(DataOutputStream out) {
        synchronized (out) {
            try {
                out.flush();
            } catch (IOException ignored) {
                // the runner is gone
            }
        }
    }

    public static void main(String[] args) throws IOException {
        String worker = args.length > 0 ? args[0] : "worker";
        // Ctrl-C in a terminal reaches the whole process group: the runner decides when workers stop
        // (it lets in-flight runs finish), and a worker whose runner is gone ends at the end of its input
        sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> { });
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16));
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
        DataInputStream in = new DataInputStream(new BufferedInputStream(System.in, 1 << 16));
        // System.exit in a run function runs this hook: the answers of runs finished before it still go out,
        // so the runner blames only the run that exited
        Runtime.getRuntime().addShutdownHook(new Thread(() -> flush(out)));
        long lastFlush = System.nanoTime();
        Kryo kryo = new KryoRegistry(java.util.List.of()).newKryo();
        Trajectory frozen = null;
        RunFunction frozenFunction = null;
        try {
            while (true) {
                byte[] frame = Frames.read(in);
                if (frame == null) {
                    break;
                }
                WireMessage m = KryoRegistry.decode(kryo, frame);
                if (m instanceof Hello h) {
                    kryo = KryoRegistry.fromNames(h.registeredClasses()).newKryo();
                } else if (m instanceof Init init) {
                    if (init.trajectory() != null) {
                        frozen = init.trajectory().toTrajectory();
                        frozenFunction = init.function();
                    }
                } else if (m instanceof Task task) {
                    Trajectory t = frozen;
                    RunFunction f = frozenFunction;
                    if (task.trajectory() != null) {
                        TrajectorySnapshot s = task.trajectory();
                        t = s.toTrajectory();
                        f = task.function();
                    }
                    byte[] done = KryoRegistry.encode(kryo, new Done(Environment.runOne(t, task.index(), f, worker)));
                    synchronized (out) {
                        Frames.write(out, done);
                        if (in.available() == 0 || System.nanoTime() - lastFlush > FLUSH_NANOS) {
                            out.flush(); // nothing more to read right now, or answers waited long enough
                            lastFlush = System.nanoTime();
                        }
                    }
                } else if (m instanceof Shutdown) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            synchronized (out) {
                Frames.write(out, KryoRegistry.encode(kryo, new WireMessage.Crash(worker + ": " + e)));
            }
            System.exit(2);
        }
        flush(out);
    }
}
