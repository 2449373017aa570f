package org.neurosweep.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurosweep.explore.Sweep;
import org.neurosweep.explore.SweepDefinition;
import org.neurosweep.runners.Environment;
import org.neurosweep.storage.Hdf5Sink;
import org.neurosweep.storage.TrajectoryReader;
import org.neurosweep.trajectory.RunStatus;
import org.neurosweep.trajectory.Trajectory;
import org.neurosweep.trajectory.ValueNotAllowedException;

/** The NEF channel sweep at a small scale, through the runner into an HDF5 file and read back. */
class NefChannelSweepTest {
    @TempDir
    Path dir;

    private static Trajectory tiny(long seed) {
        Trajectory t = Samples.byName("nef-channel").newTrajectory(seed);
        t.parameter("t_sim").setValue(300.0);
        t.explore(Sweep.product(Sweep.values("neurons", 30, 60), Sweep.values("tau", 5.0, 10.0)));
        return t;
    }

    /** Runs {@code t} with the sample's run function into {@code file}. */
    private static Path store(Trajectory t, Path file) {
        SweepDefinition nef = Samples.byName("nef-channel");
        try (Hdf5Sink sink = Hdf5Sink.create(file)) {
            Environment.builder(t).sink(sink).build().run(nef.runFunction());
        }
        return file;
    }

    @Test
    void everyRunStoresAnRmseLagAndTheEngineCosts() {
        Path file = store(tiny(11), dir.resolve("a.h5"));
        try (TrajectoryReader reader = TrajectoryReader.open(file)) {
            assertEquals(4, reader.runCount());
            assertEquals(List.of("neurons", "tau"), reader.exploredNames().stream()
                    .map(n -> n.substring(n.lastIndexOf('.') + 1)).toList());
            for (long i = 0; i < 4; i++) {
                assertEquals(RunStatus.COMPLETED, reader.run(i).status(), reader.run(i).error());
            }
            double[] rmse = (double[]) reader.summaryColumn("rmse");
            double[] lag = (double[]) reader.summaryColumn("lag_ms");
            long[] bytes = (long[]) reader.summaryColumn("diagnostics.peak_bytes");
            int[] operators = (int[]) reader.summaryColumn("diagnostics.operators");
            double[] build = (double[]) reader.summaryColumn("diagnostics.build_s");
            double[] simulate = (double[]) reader.summaryColumn("diagnostics.simulate_s");
            for (int i = 0; i < 4; i++) {
                assertTrue(rmse[i] > 0 && rmse[i] < 0.2, "run " + i + ": rmse " + rmse[i]);
                assertTrue(lag[i] >= 0 && lag[i] <= 50, "run " + i + ": lag " + lag[i]);
                assertTrue(bytes[i] > 0 && operators[i] > 0 && build[i] > 0 && simulate[i] > 0, "run " + i);
            }
            assertTrue(bytes[2] > bytes[0], "60 neurons per ensemble take more memory than 30: " + bytes[2] + " vs " + bytes[0]);
            assertEquals("ms", reader.summaryUnit("lag_ms"));
        }
    }

    @Test
    void theSameSeedGivesTheSameBitsAndAnotherSeedAnotherNetwork() {
        double[] a = (double[]) read(store(tiny(11), dir.resolve("a.h5")), "rmse");
        double[] b = (double[]) read(store(tiny(11), dir.resolve("b.h5")), "rmse");
        assertArrayEquals(a, b, 0.0, "same seed, same rmse bits");
        Trajectory other = tiny(12);
        double[] c = (double[]) read(store(other, dir.resolve("c.h5")), "rmse");
        assertTrue(a[0] != c[0], "another sweep seed builds another network: " + a[0] + " vs " + c[0]);
    }

    @Test
    void twoThreadsGiveTheSameBitsAsOne() {
        Trajectory one = tiny(11);
        Trajectory two = Samples.byName("nef-channel").newTrajectory(11);
        two.parameter("t_sim").setValue(300.0);
        two.parameter("threads").setValue(2);
        two.explore(Sweep.product(Sweep.values("neurons", 30, 60), Sweep.values("tau", 5.0, 10.0)));
        assertArrayEquals((double[]) read(store(one, dir.resolve("one.h5")), "rmse"),
                (double[]) read(store(two, dir.resolve("two.h5")), "rmse"), 0.0);
    }

    @Test
    void badValuesAreRefusedBeforeAnyRunNamingTheValue() {
        Trajectory t = Samples.byName("nef-channel").newTrajectory(1);
        ValueNotAllowedException zero = assertThrows(ValueNotAllowedException.class,
                () -> t.explore(Sweep.values("neurons", 0, 50)));
        assertTrue(zero.getMessage().contains("net.neurons = 0 is not allowed"), zero.getMessage());
        ValueNotAllowedException negative = assertThrows(ValueNotAllowedException.class,
                () -> t.parameter("tau").setValue(-2.0));
        assertTrue(negative.getMessage().contains("net.tau = -2.0 is not allowed") && negative.getMessage().contains("(ms)"),
                negative.getMessage());
        ValueNotAllowedException shortRun = assertThrows(ValueNotAllowedException.class,
                () -> t.parameter("t_sim").setValue(50.0));
        assertTrue(shortRun.getMessage().contains("sim.t_sim = 50.0 is not allowed"), shortRun.getMessage());
    }

    private static Object read(Path file, String column) {
        try (TrajectoryReader reader = TrajectoryReader.open(file)) {
            return reader.summaryColumn(column);
        }
    }
}
