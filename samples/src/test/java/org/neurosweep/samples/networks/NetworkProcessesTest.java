package org.neurosweep.samples.networks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.neurosweep.simulator.Kernel;

/** Helper JVMs that die mid-simulation end the simulation on every other process, naming the dead one. */
class NetworkProcessesTest {
    /** Waits for a condition, up to a minute (a busy machine), polling. */
    private static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited a minute for " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void aKilledHelperEndsTheSimulationWithAnErrorNamingIt() throws Exception {
        // long enough that the kill lands mid-run on any machine: 1,250 neurons for 1,000 s of biological time
        NetworkJob job = new NetworkJob("brunel", Map.of("scale", 0.1), 7, 1, 0, 1_000_000.0);
        try (NetworkProcesses helpers = NetworkProcesses.start(job, 3); Kernel k = job.kernel(helpers.exchange())) {
            CompletableFuture<NetworkJob.Outcome> run = CompletableFuture.supplyAsync(() -> job.run(k));
            await(() -> helpers.exchange().counters().rounds() > 100, "the simulation to be under way");
            ProcessHandle victim = helpers.helper(2);
            assertTrue(victim.isAlive());
            long killed = System.nanoTime();
            victim.destroyForcibly();
            ExecutionException e = assertThrows(ExecutionException.class, () -> run.get(60, TimeUnit.SECONDS));
            double seconds = (System.nanoTime() - killed) / 1e9;
            String message = e.getCause().getMessage();
            assertTrue(message.contains("process 2") || message.contains("rank 2"), message);
            assertTrue(seconds < 10, "the others noticed in " + seconds + " s");
            await(() -> !helpers.helperReport().isEmpty(), "the report of the killed helper");
            assertTrue(helpers.helperReport().contains("process 2") && helpers.helperReport().contains("signal 9"),
                    helpers.helperReport());
        }
    }
}
