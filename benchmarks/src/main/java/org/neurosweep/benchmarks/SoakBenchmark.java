package org.neurosweep.benchmarks;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.neurosweep.runners.ClusterSettings;
import org.neurosweep.runners.Environment;
import org.neurosweep.runners.Mode;
import org.neurosweep.runners.SweepSummary;
import org.neurosweep.storage.Hdf5Sink;
import org.neurosweep.trajectory.RunFunction;
import org.neurosweep.trajectory.Trajectory;

/**
 * Soak: half the time a sweep of {@code --runs} cheap runs in PROCESSES mode while a worker JVM is killed
 * with kill -9 every {@code --kill-every} seconds (the runner replaces it and hands its runs out again);
 * the other half the same in CLUSTER mode, this JVM the coordinator, the worker nodes started, killed and
 * replaced by the harness. A sweep that completes before its phase's time is up is followed by another;
 * the one running when it is up is stopped as Ctrl-C stops it. Every {@code --every} seconds, and at the
 * start and end of each phase, one line: runs stored, runs/s, kills, and this JVM's resident memory, heap
 * after a full collection, open file descriptors and threads. Then PASS or FAIL for each check: every
 * sweep read back from a fresh open of its file (each run marked completed holds z = f(x, y) of its own
 * parameters, no run stored twice, the counts the runner gave), and the gauges flat from the first reading
 * to the end ({@link #FLAT}). Exits 1 if any check failed.
 *
 * <p>A cluster node is killed less often ({@code --cluster-kill-every}): on a loaded 2-core machine a worker
 * node's JVM takes 5 to 20 s to start and join, and a killed node's runs come back only once the cluster has
 * downed it (about 15 s); killed every 3 s, no node would ever run anything.
 *
 * <pre>benchmarks/run soak [--minutes 10] [--runs 1000000] [--kill-every 3] [--cluster-kill-every 10] [--workers 2]
 *                    [--every 60] [--out DIR]</pre>
 */
public final class SoakBenchmark {
    private static final String USAGE = "benchmarks/run soak [--minutes 10] [--runs 1000000] [--kill-every 3]"
            + " [--cluster-kill-every 10] [--workers 2] [--every 60] [--out DIR]   (the sweep files and the cluster workers' log"
            + " in DIR; default a temporary directory, deleted when every check passed)";
    /**
     * How far the gauges may move from the first reading to the end of a phase. Resident memory is noisy
     * with no trend: 210 to 580 MiB from one reading to the next with the heap after GC steady at 5.7 MiB
     * (the C library keeps what the HDF5 library and the JIT freed), hence its wide bound; a leak on the
     * Java heap is caught by the heap's (16 MiB: 17 bytes per run of a 1,000,000-run sweep).
     */
    static final SoakGauges.Bounds FLAT = new SoakGauges.Bounds(1.5, 128, 16, 16, 12);
    /** How long a stopped sweep may take to return before the soak calls it a hang. */
    private static final long HANG_SECONDS = 120;

    /** A cheap run whose result shows where it came from: z differs for every (x, y) of the sweep. */
    static final RunFunction SIGNATURE = run -> run.addResult("z", signature(run.getLong("x"), run.getLong("y")));

    private record Options(double minutes, int runs, int killEvery, int clusterKillEvery, int workers, int every, Path out,
                           boolean temporary) {
    }

    private SoakBenchmark() {
    }

    static long signature(long x, long y) {
        return x * 1_000_003L + y;
    }

    public static void main(String[] args) throws Exception {
        Options o = options(args);
        System.out.printf("soak: %d cores, Java %s; %s min: %s PROCESSES, then CLUSTER; sweeps of %,d runs (z = x*1000003 + y),"
                        + " %d workers, one killed every %d s (cluster: %d s); a reading every %d s; files in %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), o.minutes(), o.minutes() / 2,
                o.runs(), o.workers(), o.killEvery(), o.clusterKillEvery(), o.every(), o.out());
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "soak-clock");
            t.setDaemon(true);
            return t;
        });
        SoakCheck check = new SoakCheck();
        long phaseNanos = (long) (o.minutes() * 60e9 / 2);
        for (Mode mode : new Mode[] {Mode.PROCESSES, Mode.CLUSTER}) {
            try {
                phase(mode, phaseNanos, o, check, clock);
            } catch (Exception | Error e) { // ends the soak: nothing after it would be a fair figure
                e.printStackTrace(System.out);
                check.that(false, mode.name() + ": the phase ended with " + e);
                break;
            }
        }
        clock.shutdownNow();
        if (o.temporary() && check.passed()) {
            deleteTree(o.out());
        }
        System.out.println(check.passed() ? "soak: every check passed" : "soak: FAILED (see the FAIL lines)");
        System.exit(check.passed() ? 0 : 1);
    }

    private static Options options(String[] args) throws IOException {
        Map<String, String> given = Arguments.options(args, Set.of("minutes", "runs", "kill-every", "cluster-kill-every", "workers",
                "every", "out"), USAGE);
        String out = given.get("out");
        Path dir = out == null ? Files.createTempDirectory("neurosweep-soak") : Files.createDirectories(Path.of(out));
        return new Options(Arguments.positiveDecimal(given.getOrDefault("minutes", "10"), "--minutes", USAGE),
                Arguments.positive(given.getOrDefault("runs", "1000000"), "--runs", USAGE),
                Arguments.positive(given.getOrDefault("kill-every", "3"), "--kill-every", USAGE),
                Arguments.positive(given.getOrDefault("cluster-kill-every", "10"), "--cluster-kill-every", USAGE),
                Arguments.positive(given.getOrDefault("workers", "2"), "--workers", USAGE),
                Arguments.positive(given.getOrDefault("every", "60"), "--every", USAGE), dir, out == null);
    }

    /** One phase: sweeps in this mode, workers killed, until its time is up; then the checks. */
    private static void phase(Mode mode, long nanos, Options o, SoakCheck check, ScheduledExecutorService clock) throws Exception {
        String label = mode.name();
        AtomicLong stored = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        SoakVictims victims = null;
        SoakReport report = new SoakReport(label, stored, failures, System.out);
        report.header();
        report.line("start");
        SoakRound current = new SoakRound();
        int port = mode == Mode.CLUSTER ? freePort() : 0;
        try {
            victims = mode == Mode.PROCESSES ? new SoakVictims.Children()
                    : new SoakVictims.ClusterNodes(port, o.workers(), o.out().resolve("cluster-workers.log"));
            report.watch(victims, current);
            SoakVictims v = victims;
            int killEvery = mode == Mode.CLUSTER ? o.clusterKillEvery() : o.killEvery();
            ScheduledFuture<?> kills = clock.scheduleAtFixedRate(v::killOne, killEvery, killEvery, TimeUnit.SECONDS);
            ScheduledFuture<?> keep = clock.scheduleWithFixedDelay(v::keep, 1, 1, TimeUnit.SECONDS);
            ScheduledFuture<?> readings = clock.scheduleAtFixedRate(() -> report.line(""), o.every(), o.every(),
                    TimeUnit.SECONDS);
            ScheduledFuture<?> timeUp = clock.schedule(() -> {
                kills.cancel(false);
                readings.cancel(false);
                report.line("end");
                current.timeUp(); // stops the sweep that runs, as Ctrl-C does
            }, nanos, TimeUnit.NANOSECONDS);
            ScheduledFuture<?> watchdog = clock.schedule(() -> hang(label, o.out()), nanos + TimeUnit.SECONDS.toNanos(HANG_SECONDS),
                    TimeUnit.NANOSECONDS);
            for (int round = 1; !current.isTimeUp(); round++) {
                sweep(mode, round, port, o, check, current, new SoakTally(stored, failures), report);
            }
            timeUp.get(); // the end reading is taken
            watchdog.cancel(false);
            keep.cancel(false);
        } finally {
            if (victims != null) {
                victims.close();
            }
        }
        SoakGauges.Sample after = report.line("after");
        check.that(victims.kills.get() > 0, label + ": " + victims.kills.get() + " worker JVMs killed with kill -9");
        long running = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).count();
        check.that(running == 0, label + ": no worker JVM left running (" + running + ")");
        if (report.first() == null) {
            System.out.println("SKIP " + label + ": no reading between the first stored run and the end; flatness not judged");
        } else {
            check.flat(label + " (first reading to end)", report.first(), report.end(), FLAT);
        }
        SoakGauges.Sample swept = report.swept();
        if (swept == null) {
            System.out.println("SKIP " + label + ": no sweep returned before the end; what ended sweeps leave behind not judged");
        } else {
            check.that(after.fds() <= swept.fds() + FLAT.fds() && after.threads() <= swept.threads() + FLAT.threads(),
                    label + ": ended sweeps leave no descriptors or threads behind: fds " + swept.fds() + " when the first sweep"
                            + " returned, " + after.fds() + " at the end; threads " + swept.threads() + ", " + after.threads()
                            + " (bounds +" + FLAT.fds() + ", +" + FLAT.threads() + ")");
        }
    }

    /** One sweep of the phase, into its own file, and its checks. */
    private static void sweep(Mode mode, int round, int port, Options o, SoakCheck check, SoakRound current, SoakTally tally,
                              SoakReport report) throws IOException {
        Path file = o.out().resolve(mode.name().toLowerCase() + "-" + round + ".h5");
        Files.deleteIfExists(file);
        Trajectory t = RunnersBenchmark.trivialTrajectory(o.runs());
        SweepSummary s;
        try (Hdf5Sink sink = Hdf5Sink.create(file)) {
            Environment.Builder b = Environment.builder(t).sink(sink).mode(mode).progress(tally);
            if (mode == Mode.CLUSTER) {
                b.cluster(new ClusterSettings("127.0.0.1", port, null, Duration.ofMinutes(1)));
            } else {
                b.workers(o.workers()).freezeInput(true);
            }
            Environment env = b.build();
            if (!current.begin(round, env, tally)) {
                return; // the time was up before this sweep began
            }
            s = env.run(SIGNATURE);
        }
        report.line("swept");
        report.note(mode.name() + " sweep " + round + ": " + s);
        check.storedSweep(mode.name() + " sweep " + round, file, s, tally);
        if (!current.isTimeUp()) {
            Files.delete(file); // another sweep follows: keep the disk use of one
        }
    }

    /** The sweep has not returned long after it was stopped: says where every thread is, and ends the soak. */
    private static void hang(String phase, Path out) {
        Path dump = out.resolve("hang-threads.txt");
        StringBuilder b = new StringBuilder();
        Thread.getAllStackTraces().forEach((t, stack) -> {
            b.append(t).append('\n');
            for (StackTraceElement e : stack) {
                b.append("    at ").append(e).append('\n');
            }
        });
        try {
            Files.writeString(dump, b);
        } catch (IOException e) {
            System.err.println(b);
        }
        System.out.println("FAIL " + phase + ": the sweep did not return within " + HANG_SECONDS + " s of being stopped (threads: "
                + dump + ")");
        System.out.flush();
        Runtime.getRuntime().halt(1);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
