package org.neurosweep.storage;

import java.nio.file.Files;
import java.nio.file.Path;
import org.neurosweep.explore.Sweep;
import org.neurosweep.trajectory.RunFunction;
import org.neurosweep.trajectory.Trajectory;

/**
 * A sweep in a JVM of its own, for tests that kill it, hold its file, or fill its disk.
 *
 * <pre>
 * run    FILE RUNS   start (or resume) a sweep; prints "begun COMPLETED_BEFORE", then "ran N" at the end
 * hold   FILE        open FILE for writing, print "holding", sleep until killed
 * </pre>
 */
public final class SweepProcess {
    private SweepProcess() {
    }

    /** The sweep: x = 0..runs-1; each run stores x², a 50-element array, and spins a little. */
    static Trajectory trajectory(int runs) {
        Trajectory t = new Trajectory("crash", 99);
        t.addParameter("x", 0, "the run's number");
        t.explore(Sweep.arange("x", 0, runs, 1));
        return t;
    }

    static final RunFunction FUNCTION = run -> {
        int x = run.getInt("x");
        double[] trace = new double[50];
        for (int i = 0; i < trace.length; i++) {
            trace[i] = x + i * 0.5;
        }
        run.addResult("square", (long) x * x);
        run.addResult("runs.$set.$.trace", trace);
        long until = System.nanoTime() + 20_000;
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    };

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[1]);
        StorageOptions options = StorageOptions.DEFAULT.withBatchRuns(500).withFlushMillis(50);
        switch (args[0]) {
            case "run" -> {
                int runs = Integer.parseInt(args[2]);
                boolean resume = Files.exists(file);
                try (Hdf5Sink sink = resume ? Hdf5Sink.resume(file, options) : Hdf5Sink.create(file, options)) {
                    Trajectory t = resume ? sink.storedTrajectory() : trajectory(runs);
                    System.out.println("begun " + sink.completedCount());
                    System.out.flush();
                    int ran = Sweeps.runAll(t, sink, FUNCTION).size();
                    System.out.println("ran " + ran);
                } catch (StorageException e) {
                    System.out.println("storage error: " + e.getMessage());
                    e.printStackTrace(System.out);
                    System.out.flush();
                    System.exit(3);
                }
            }
            case "hold" -> {
                try (Hdf5Sink sink = Hdf5Sink.resume(file, options)) {
                    System.out.println("holding");
                    System.out.flush();
                    Thread.sleep(600_000);
                }
            }
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }
}
