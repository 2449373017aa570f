package org.neurosweep.benchmarks;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The soak's figures for one phase: a line per reading (runs stored, runs/s since the last line, failures,
 * kills, live workers and the gauges of {@link SoakGauges}), printed from any thread; it keeps the first
 * reading taken while the sweeps ran and the one taken at the end, for the flatness check.
 */
final class SoakReport {
    private final String phase;
    private final AtomicLong stored;
    private final AtomicLong failures;
    private final PrintStream out;
    private final long t0 = System.nanoTime();
    private SoakVictims victims;
    private SoakRound round;
    private long lastStored;
    private long lastNanos = t0;
    private SoakGauges.Sample first;
    private SoakGauges.Sample end;
    private SoakGauges.Sample swept;

    SoakReport(String phase, AtomicLong stored, AtomicLong failures, PrintStream out) {
        this.phase = phase;
        this.stored = stored;
        this.failures = failures;
        this.out = out;
    }

    /** From now on the lines show the kills and the live workers of the sweep that runs. */
    synchronized void watch(SoakVictims victims, SoakRound round) {
        this.victims = victims;
        this.round = round;
    }

    synchronized void header() {
        out.printf("%n%-10s %6s %-5s %5s %10s %8s %6s %5s %7s %8s %9s %5s %7s %5s%n", "phase", "at", "", "sweep", "stored", "runs/s",
                "failed", "kills", "workers", "RSS MiB", "heap MiB", "fds", "threads", "load");
    }

    /**
     * Takes a reading and prints its line; {@code what} is "start", "" for a reading on the way, "end" (the
     * time is up; the sweep still runs), "swept" (a sweep returned) or "after" (the phase's worker JVMs are gone).
     */
    synchronized SoakGauges.Sample line(String what) {
        SoakGauges.Sample s = SoakGauges.sample();
        long now = System.nanoTime();
        long n = stored.get();
        double rate = (n - lastStored) / Math.max(1e-9, (now - lastNanos) / 1e9);
        long seconds = (now - t0) / 1_000_000_000L;
        out.printf("%-10s %3d:%02d %-5s %5s %,10d %8.0f %6d %5s %7s %8.0f %9.1f %5d %7d %5.2f%n", phase, seconds / 60, seconds % 60,
                what, round == null || round.round() == 0 ? "-" : String.valueOf(round.round()), n, rate, failures.get(),
                victims == null ? "-" : String.valueOf(victims.kills.get()), round == null ? "-" : String.valueOf(round.workers()),
                s.rssMib(), s.heapMib(), s.fds(), s.threads(), s.load());
        out.flush();
        lastStored = n;
        lastNanos = now;
        if (what.isEmpty() && first == null && n > 0) {
            first = s;
        } else if (what.equals("end")) {
            end = s;
        } else if (what.equals("swept") && swept == null) {
            swept = s;
        }
        return s;
    }

    /** A line of text among the figures. */
    synchronized void note(String text) {
        out.println("           " + text);
        out.flush();
    }

    /** The first reading taken on the way once runs were stored, or null if the phase ended before one. */
    synchronized SoakGauges.Sample first() {
        return first;
    }

    /** The reading taken when the time was up. */
    synchronized SoakGauges.Sample end() {
        return end;
    }

    /** The reading taken when the phase's first sweep returned. */
    synchronized SoakGauges.Sample swept() {
        return swept;
    }
}
