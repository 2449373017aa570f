package org.neurosweep.samples.networks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.neurosweep.exchange.AeronConfig;
import org.neurosweep.exchange.AeronExchange;
import org.neurosweep.exchange.Exchange;

/**
 * One network simulated by several JVMs on this machine: the launching process is rank 0 and starts
 * the others ({@link #start}); each runs {@link #main} with the same {@link NetworkJob}, joins the exchange
 * (Aeron over shared memory, the media driver in rank 0), and makes the same collective calls
 * ({@link NetworkJob#run}). Helpers print nothing on success; their output goes to a log file whose last
 * lines a failure report quotes.
 *
 * <pre>{@code
 * try (NetworkProcesses g = NetworkProcesses.start(job, 2); Kernel k = job.kernel(g.exchange())) {
 *     NetworkJob.Outcome o = job.run(k);
 * }
 * }</pre>
 */
public final class NetworkProcesses implements AutoCloseable {
    /** How long a helper may take to exit after the last round before it is killed. */
    private static final Duration EXIT_WAIT = Duration.ofSeconds(30);

    private final List<Process> helpers;
    private final List<Path> logs;
    private final Exchange exchange;

    private NetworkProcesses(List<Process> helpers, List<Path> logs, Exchange exchange) {
        this.helpers = helpers;
        this.logs = logs;
        this.exchange = exchange;
    }

    /**
     * Starts {@code processes - 1} helper JVMs for {@code job} and joins them as rank 0; returns once every
     * helper has joined.
     *
     * @throws IllegalArgumentException for fewer than 2 processes
     * @throws org.neurosweep.exchange.ExchangeException when a helper did not join (its log's last lines quoted)
     */
    public static NetworkProcesses start(NetworkJob job, int processes) throws IOException {
        return start(NetworkProcesses.class.getName(), job.toArgs(), processes);
    }

    /**
     * Starts {@code processes - 1} helper JVMs running {@code mainClass} (on this JVM's class path) with
     * {@code --rank R --processes P --join DIR} and {@code jobArgs}, and joins them as rank 0. The helper's main
     * joins with {@link #join}.
     */
    public static NetworkProcesses start(String mainClass, List<String> jobArgs, int processes) throws IOException {
        if (processes < 2) {
            throw new IllegalArgumentException("processes = " + processes + ": helpers are for 2 or more processes");
        }
        Path driver = AeronExchange.newDriverDirectory();
        List<Process> helpers = new ArrayList<>();
        List<Path> logs = new ArrayList<>();
        try {
            for (int rank = 1; rank < processes; rank++) {
                Path log = Files.createTempFile("neurosweep-process-" + rank + "-", ".log");
                List<String> cmd = new ArrayList<>();
                cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
                cmd.addAll(jvmOptions());
                cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass,
                        "--rank", Integer.toString(rank), "--processes", Integer.toString(processes), "--join", driver.toString()));
                cmd.addAll(jobArgs);
                helpers.add(new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start());
                logs.add(log);
            }
            AeronConfig config = AeronConfig.builder(0, processes).peerAlive(r -> helpers.get(r - 1).isAlive()).build();
            Exchange e = AeronExchange.ipc(config, driver);
            return new NetworkProcesses(helpers, logs, e);
        } catch (RuntimeException | IOException e) {
            NetworkProcesses failed = new NetworkProcesses(helpers, logs, null);
            String why = failed.helperReport();
            failed.destroy();
            if (e instanceof RuntimeException r && !why.isEmpty()) {
                throw new org.neurosweep.exchange.ExchangeException(-1, e.getMessage() + "; " + why, e);
            }
            throw e;
        }
    }

    /** Rank 0's end of the exchange, for {@code Kernel.builder().processes(...)}. */
    public Exchange exchange() {
        return exchange;
    }

    /** The helper process of a rank (1 .. processes - 1). */
    public ProcessHandle helper(int rank) {
        if (rank < 1 || rank > helpers.size()) {
            throw new IllegalArgumentException("rank " + rank + ": helpers are ranks 1.." + helpers.size());
        }
        return helpers.get(rank - 1).toHandle();
    }

    /** The JVM options of this JVM that a helper needs too (heap, JIT flags), without agents and debuggers. */
    private static List<String> jvmOptions() {
        List<String> out = new ArrayList<>();
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("-X") || a.startsWith("-XX:") || a.startsWith("--add-opens") || a.startsWith("--add-exports")
                    || a.startsWith("-Dneurosweep.")) {
                out.add(a);
            }
        }
        return out;
    }

    /**
     * What went wrong with the helpers, for an error message: each one that exited with a failure or was
     * killed, with its exit status and its log's last lines; empty when all are well.
     */
    public String helperReport() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < helpers.size(); i++) {
            Process p = helpers.get(i);
            if (p.isAlive() || p.exitValue() == 0) {
                continue;
            }
            int status = p.exitValue();
            sb.append(sb.length() == 0 ? "" : "; ").append("process ").append(i + 1).append(" (pid ").append(p.pid())
                    .append(") exited with status ").append(status)
                    .append(status > 128 ? " (killed by signal " + (status - 128) + ")" : "");
            String tail = tail(logs.get(i), 5);
            if (!tail.isEmpty()) {
                sb.append(", its last lines: ").append(tail);
            }
        }
        return sb.toString();
    }

    private static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(" | ", all.subList(Math.max(0, all.size() - lines), all.size())).trim();
        } catch (IOException e) {
            return "";
        }
    }

    /** Leaves the exchange and waits for the helpers to exit (they end after the last round); kills any left. */
    @Override
    public void close() {
        try {
            if (exchange != null) {
                exchange.close();
            }
        } finally {
            long deadline = System.nanoTime() + EXIT_WAIT.toNanos();
            for (Process p : helpers) {
                try {
                    if (!p.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                        p.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    p.destroyForcibly();
                }
            }
            for (int i = 0; i < logs.size(); i++) {
                if (!helpers.get(i).isAlive() && helpers.get(i).exitValue() == 0) {
                    logs.get(i).toFile().delete();
                }
            }
        }
    }

    private void destroy() {
        helpers.forEach(Process::destroyForcibly);
    }

    /**
     * A helper process: {@code --rank R --processes P --join DIR} and a {@link NetworkJob}'s arguments. Exits 0
     * when the run is complete, 1 with the error on standard error otherwise.
     */
    public static void main(String[] args) {
        List<String> a = List.of(args);
        NetworkJob job = NetworkJob.fromArgs(a);
        helperMain(a, e -> {
            try (var kernel = job.kernel(e)) {
                job.run(kernel);
            }
        });
    }

    /**
     * The body of a helper's main: joins the exchange named by {@code --rank R --processes P --join DIR} in
     * {@code args}, runs {@code job} with it, and exits 0, or 1 with the error on standard error.
     */
    public static void helperMain(List<String> args, java.util.function.Consumer<Exchange> job) {
        int rank = Integer.parseInt(value(args, "--rank"));
        int processes = Integer.parseInt(value(args, "--processes"));
        Path driver = Path.of(value(args, "--join"));
        Optional<ProcessHandle> parent = ProcessHandle.current().parent();
        AeronConfig config = AeronConfig.builder(rank, processes)
                .peerAlive(r -> r != 0 || parent.map(ProcessHandle::isAlive).orElse(true)).build();
        int status = 0;
        try (Exchange e = AeronExchange.ipc(config, driver)) {
            job.accept(e);
        } catch (RuntimeException | Error e) {
            System.err.println("neurosweep process " + rank + " of " + processes + ": " + e);
            status = 1;
        }
        System.exit(status);
    }

    private static String value(List<String> args, String name) {
        int i = args.indexOf(name);
        if (i < 0 || i + 1 >= args.size()) {
            throw new IllegalArgumentException("missing " + name);
        }
        return args.get(i + 1);
    }
}
