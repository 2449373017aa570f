package org.neurosweep.exchange;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A child JVM running a main class of this module's tests, its output (stdout and stderr) collected line by line. */
final class ProbeJvm implements AutoCloseable {
    private final String name;
    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final List<Long> arrivals = new ArrayList<>();
    private final Thread reader;

    private ProbeJvm(String name, Process process) {
        this.name = name;
        this.process = process;
        reader = new Thread(this::read, "output of " + name);
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code java -cp <this classpath> mainClass args}. */
    static ProbeJvm start(String name, Class<?> mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), mainClass.getName()));
        command.addAll(List.of(args));
        try {
            return new ProbeJvm(name, new ProcessBuilder(command).redirectErrorStream(true).start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@link ExchangeProbe} as {@code rank} of {@code size}. */
    static ProbeJvm probe(int rank, int size, String... args) {
        List<String> all = new ArrayList<>(List.of("rank=" + rank, "size=" + size));
        all.addAll(List.of(args));
        return start("rank " + rank, ExchangeProbe.class, all.toArray(String[]::new));
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                synchronized (lines) {
                    lines.add(line);
                    arrivals.add(System.nanoTime());
                    lines.notifyAll();
                }
            }
        } catch (IOException e) {
            // the process is gone
        }
    }

    /** Waits up to {@code seconds} for a line that {@code wanted} accepts; fails with the output so far. */
    String await(Predicate<String> wanted, long seconds) throws InterruptedException {
        return awaitTimed(wanted, seconds).line();
    }

    /** A line and when (System.nanoTime) this JVM read it. */
    record Line(String line, long nanoTime) {
    }

    /** As {@link #await}, with the time the line was read. */
    Line awaitTimed(Predicate<String> wanted, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        synchronized (lines) {
            while (true) {
                for (int i = 0; i < lines.size(); i++) {
                    if (wanted.test(lines.get(i))) {
                        return new Line(lines.get(i), arrivals.get(i));
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || (!process.isAlive() && !reader.isAlive())) {
                    throw new AssertionError(name + " printed no expected line in " + seconds + " s; it printed:\n" + output());
                }
                TimeUnit.NANOSECONDS.timedWait(lines, Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)));
            }
        }
    }

    /** Waits up to {@code seconds} for the process to end; returns its exit status (fails if it does not end). */
    int exit(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(name + " did not end in " + seconds + " s; it printed:\n" + output());
        }
        reader.join(TimeUnit.SECONDS.toMillis(10));
        return process.exitValue();
    }

    /** kill -9. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    boolean alive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    String output() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    /** Distinct UDP ports on 127.0.0.1 that nobody had bound a moment ago. */
    static List<Integer> freeUdpPorts(int n) {
        List<DatagramSocket> held = new ArrayList<>();
        try {
            List<Integer> ports = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress());
                held.add(s);
                ports.add(s.getLocalPort());
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            held.forEach(DatagramSocket::close);
        }
    }
}
