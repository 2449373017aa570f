package org.neurosweep.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.neurosweep.runners.ClusterSecret;
import org.neurosweep.runners.ClusterSettings;
import org.neurosweep.runners.Mode;

/**
 * {@code neurosweep cluster coordinator SAMPLE | --resume FILE.h5}: runs a sweep over the worker nodes
 * that join this node, storing every run in one HDF5 file here.
 */
final class ClusterCoordinatorCommand implements Command {
    private final java.util.Map<String, String> env;

    /** @param env the environment: a Slurm job array's variables choose the shard (see {@link ShardChoice}) */
    ClusterCoordinatorCommand(java.util.Map<String, String> env) {
        this.env = env;
    }

    @Override
    public String name() {
        return "cluster coordinator";
    }

    @Override
    public String synopsis() {
        return "SAMPLE | MySweep.java | --classpath CP CLASS | --resume FILE.h5  [--host HOST] [--port P] [--bind HOST] [--secret FILE]"
                + " [--run-timeout SECONDS] [--retries N]"
                + " [--grid ...]... [--set ...]... [--seed S] [--shard K/N] [--out FILE.h5] [--force] [--quiet]";
    }

    @Override
    public String summary() {
        return "run a sweep over a Pekko cluster: worker nodes join this node, which stores every run";
    }

    @Override
    public Options options() {
        Options o = new Options();
        o.addOption(Option.builder().longOpt("resume").hasArg().argName("FILE.h5")
                .desc("continue a sweep stored by a coordinator that stopped or was killed, instead of starting SAMPLE").build());
        addNodeOptions(o, "127.0.0.1", "the port worker nodes give as --seed (default " + ClusterSettings.DEFAULT_PORT + ")");
        o.addOption(Option.builder().longOpt("run-timeout").hasArg().argName("SECONDS")
                .desc("hand a run out again when its result has not come this long after it was handed out (default "
                        + ClusterSettings.DEFAULT_RUN_TIMEOUT.toSeconds() + ")").build());
        o.addOption(Option.builder().longOpt("retries").hasArg().argName("N")
                .desc("how often a run is handed out again (its node left, or it timed out) before it is stored as failed"
                        + " (default 2)").build());
        RunCommand.addDefinitionOptions(o);
        ResumeCommand.addCodeOptions(o);
        SweepExecution.addCommonOptions(o);
        return o;
    }

    @Override
    public void printDetails(CommandLine line, PrintStream out) throws UsageException {
        if (!line.getArgList().isEmpty()) {
            SweepHelp.print(RunCommand.source(line), out);
        }
    }

    /** --host, --port and --bind: where a node is reached and listens. */
    static void addNodeOptions(Options o, String defaultHost, String portText) {
        o.addOption(Option.builder().longOpt("host").hasArg().argName("HOST")
                .desc("the name or address other nodes reach this node by (default " + defaultHost + ", this machine only)").build());
        o.addOption(Option.builder().longOpt("port").hasArg().argName("P").desc(portText).build());
        o.addOption(Option.builder().longOpt("bind").hasArg().argName("HOST")
                .desc("the interface to listen on when it differs from --host, e.g. 0.0.0.0 behind NAT").build());
        o.addOption(ClusterSecretCommand.option());
    }

    @Override
    public int execute(CommandLine line, PrintStream out, PrintStream err) throws UsageException {
        ClusterSettings settings = settings(line); // checked before any file is opened
        SweepExecution.Prepared p;
        if (line.hasOption("resume")) {
            if (!line.getArgList().isEmpty()) {
                throw new UsageException("give either SAMPLE or --resume FILE.h5, not both (got " + line.getArgList() + ")");
            }
            for (String definition : new String[] {"grid", "set", "seed", "shard", "out", "force"}) {
                if (line.hasOption(definition)) {
                    throw new UsageException("--" + definition + " defines a new sweep; --resume continues the stored one as it is");
                }
            }
            p = ResumeCommand.open(Path.of(line.getOptionValue("resume")), line);
        } else {
            p = RunCommand.newSweep(line, env, err);
        }
        return SweepExecution.execute(p, line, out, err, (b, l) -> b.mode(Mode.CLUSTER).cluster(settings));
    }

    static ClusterSettings settings(CommandLine line) throws UsageException {
        int port = port(line, ClusterSettings.DEFAULT_PORT);
        Duration timeout = ClusterSettings.DEFAULT_RUN_TIMEOUT;
        if (line.hasOption("run-timeout")) {
            int seconds = SweepExecution.nonNegative(line.getOptionValue("run-timeout"), "--run-timeout");
            if (seconds == 0) {
                throw new UsageException("--run-timeout must be at least 1 second");
            }
            timeout = Duration.ofSeconds(seconds);
        }
        ClusterSecret secret = ClusterSecretCommand.of(line);
        try {
            return new ClusterSettings(host(line), port, line.getOptionValue("bind"), timeout, secret);
        } catch (IllegalArgumentException e) { // a node others can reach, without a secret
            throw new UsageException(e.getMessage());
        }
    }

    static String host(CommandLine line) throws UsageException {
        String host = line.getOptionValue("host", "127.0.0.1").trim();
        if (host.isEmpty() || host.contains(" ") || host.contains("\"")) {
            throw new UsageException("--host '" + host + "' is not a host name or address");
        }
        return host;
    }

    static int port(CommandLine line, int fallback) throws UsageException {
        if (!line.hasOption("port")) {
            return fallback;
        }
        return port(line.getOptionValue("port"), "--port");
    }

    static int port(String text, String option) throws UsageException {
        try {
            int p = Integer.parseInt(text.trim());
            if (p >= 0 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the error
        }
        throw new UsageException(option + " '" + text + "' is not a TCP port (0-65535)");
    }
}
