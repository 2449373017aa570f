package org.neurosweep.cli;

import java.io.PrintStream;
import java.time.Duration;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.neurosweep.runners.ClusterSettings;
import org.neurosweep.runners.ClusterWorker;

/** {@code neurosweep cluster worker --seed HOST:PORT --workers N}: a node that runs runs for a coordinator. */
final class ClusterWorkerCommand implements Command {
    /** How long a worker looks for a coordinator by default, at start and after losing one. */
    static final int DEFAULT_WAIT_SECONDS = 60;

    @Override
    public String name() {
        return "cluster worker";
    }

    @Override
    public String synopsis() {
        return "[--seed HOST:PORT] [--workers N] [--host HOST] [--port P] [--bind HOST] [--secret FILE] [--wait SECONDS] [--quiet]";
    }

    @Override
    public String summary() {
        return "join a cluster coordinator and run runs for it until its sweep is complete";
    }

    @Override
    public Options options() {
        Options o = new Options();
        o.addOption(Option.builder().longOpt("seed").hasArg().argName("HOST:PORT")
                .desc("the coordinator's --host and --port (default 127.0.0.1:" + ClusterSettings.DEFAULT_PORT + ")").build());
        o.addOption(Option.builder().longOpt("workers").hasArg().argName("N")
                .desc("runs at a time on this node (default: the number of cores, " + Runtime.getRuntime().availableProcessors()
                        + " here)").build());
        ClusterCoordinatorCommand.addNodeOptions(o, "127.0.0.1", "this node's port (default 0: any free port)");
        o.addOption(Option.builder().longOpt("wait").hasArg().argName("SECONDS")
                .desc("how long to look for a coordinator, at start and after losing one, before exiting with status 3"
                        + " (default " + DEFAULT_WAIT_SECONDS + ")").build());
        o.addOption(Option.builder("q").longOpt("quiet").desc("do not report joining and leaving on standard error").build());
        return o;
    }

    @Override
    public int execute(CommandLine line, PrintStream out, PrintStream err) throws UsageException {
        SweepExecution.requireTimeoutScale();
        if (!line.getArgList().isEmpty()) {
            throw new UsageException("takes no positional arguments, got " + line.getArgList());
        }
        String seed = line.getOptionValue("seed", "127.0.0.1:" + ClusterSettings.DEFAULT_PORT).trim();
        int colon = seed.lastIndexOf(':');
        if (colon <= 0) {
            throw new UsageException("--seed '" + seed + "' must be HOST:PORT, the coordinator's --host and --port");
        }
        int seedPort = ClusterCoordinatorCommand.port(seed.substring(colon + 1), "--seed " + seed + ": port");
        if (seedPort == 0) {
            throw new UsageException("--seed '" + seed + "': the port must be the coordinator's port, not 0");
        }
        int slots = line.hasOption("workers") ? SweepExecution.workers(line.getOptionValue("workers"))
                : Runtime.getRuntime().availableProcessors();
        int wait = DEFAULT_WAIT_SECONDS;
        if (line.hasOption("wait")) {
            wait = SweepExecution.nonNegative(line.getOptionValue("wait"), "--wait");
            if (wait == 0) {
                throw new UsageException("--wait must be at least 1 second");
            }
        }
        ClusterWorker.Options o;
        try {
            o = new ClusterWorker.Options(seed.substring(0, colon), seedPort, ClusterCoordinatorCommand.host(line),
                    ClusterCoordinatorCommand.port(line, 0), line.getOptionValue("bind"), ClusterSecretCommand.of(line),
                    slots, Duration.ofSeconds(wait), line.hasOption("quiet") ? null : err);
        } catch (IllegalArgumentException e) { // a node others can reach, without a secret
            throw new UsageException(e.getMessage());
        }
        try {
            // ClusterWorker's 1 means no coordinator was reached (or it refused this node's secret): an I/O error
            // here, not a run that failed
            return ClusterWorker.run(o) == 0 ? OK : ERROR;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ERROR;
        }
    }
}
