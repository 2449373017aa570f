package org.neurosweep.runners;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import com.esotericsoftware.kryo.Kryo;
import org.neurosweep.runners.wire.Frames;
import org.neurosweep.runners.wire.KryoRegistry;
import org.neurosweep.runners.wire.WireMessage;

/** One worker JVM of the PROCESSES mode: its pipes, the runs it holds, and a thread reading its answers. */
final class WorkerProcess implements RunBook.Holder {
    /** What a worker tells the dispatcher. */
    sealed interface Event {
        WorkerProcess worker();
    }

    record Answer(WorkerProcess worker, WireMessage message) implements Event {
    }

    record Exited(WorkerProcess worker, int exitCode, String reason) implements Event {
    }

    final String name;
    final Process process;
    final Set<Long> inFlight = new LinkedHashSet<>();
    private final DataOutputStream in;
    private boolean exited;

    private WorkerProcess(String name, Process process) {
        this.name = name;
        this.process = process;
        this.in = new DataOutputStream(new BufferedOutputStream(process.getOutputStream(), 1 << 16));
    }

    /** Starts a worker JVM on this JVM's class path (and the user's code) and a thread that turns its frames into events. */
    static WorkerProcess start(String name, String heap, UserCode userCode, KryoRegistry registry, BlockingQueue<Event> events)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("-XX:TieredStopAtLevel=4");
        for (String flag : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (flag.startsWith("-XX:MaxVectorSize=")) {
                command.add(flag); // the launcher's choice of vector width (see ./neurosweep) holds for workers too
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path")
                + (userCode == null ? "" : java.io.File.pathSeparator + userCode.classPathText()));
        command.add(WorkerMain.class.getName());
        command.add(name);
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        WorkerProcess w = new WorkerProcess(name, p);
        Thread reader = new Thread(() -> w.readAnswers(registry.newKryo(), events), "neurosweep-" + name + "-reader");
        reader.setDaemon(true);
        reader.start();
        return w;
    }

    private void readAnswers(Kryo kryo, BlockingQueue<Event> events) {
        String reason = "its output ended";
        try (DataInputStream out = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16))) {
            byte[] frame;
            while ((frame = Frames.read(out)) != null) {
                events.put(new Answer(this, KryoRegistry.decode(kryo, frame)));
            }
        } catch (IOException | RuntimeException e) {
            reason = "its output could not be read: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        int code;
        try {
            process.waitFor(Timeouts.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS);
            code = process.isAlive() ? -1 : process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            events.put(new Exited(this, code, reason));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends a frame (buffered: call {@link #flush}); a broken pipe means the worker died, which its reader reports. */
    void send(byte[] frame) {
        try {
            Frames.write(in, frame);
        } catch (IOException e) {
            // the worker is gone; its reader thread reports the exit
        }
    }

    void flush() {
        try {
            in.flush();
        } catch (IOException e) {
            // as in send
        }
    }

    boolean exited() {
        return exited;
    }

    @Override
    public int slots() {
        return 1;
    }

    @Override
    public java.util.Collection<Long> held() {
        return inFlight;
    }

    @Override
    public boolean gone() {
        return exited;
    }

    void markExited() {
        exited = true;
    }

    void kill() {
        process.destroyForcibly();
    }
}
