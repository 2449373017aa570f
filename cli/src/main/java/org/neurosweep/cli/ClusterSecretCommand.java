package org.neurosweep.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.neurosweep.runners.ClusterSecret;
import org.neurosweep.runners.InvalidClusterSecretException;

/**
 * {@code neurosweep cluster secret [FILE]}: makes the secret every node of one cluster shares (a key and
 * its certificate), into a new file only its owner may read, or onto standard output.
 */
final class ClusterSecretCommand implements Command {
    @Override
    public String name() {
        return "cluster secret";
    }

    @Override
    public String synopsis() {
        return "[FILE]";
    }

    @Override
    public String summary() {
        return "make a cluster secret: every coordinator and worker of one cluster is given the same (--secret FILE)";
    }

    @Override
    public Options options() {
        return new Options();
    }

    @Override
    public void printDetails(CommandLine line, PrintStream out) {
        out.println();
        out.println("FILE must be new: it is written readable by you only (mode 600) and an existing file is never replaced.");
        out.println("Without FILE the secret is printed, e.g. for: export " + ClusterSecret.ENVIRONMENT_VARIABLE
                + "=\"$(neurosweep cluster secret)\"");
        out.println("It is an EC key and its self-signed certificate, made by the JDK's keytool. With it, nodes talk TLS and let");
        out.println("in only nodes holding it; a node holding it is trusted with the sweep's code and data (docs/cluster.md).");
    }

    @Override
    public int execute(CommandLine line, PrintStream out, PrintStream err) throws UsageException, IOException {
        if (line.getArgList().size() > 1) {
            throw new UsageException("takes at most one FILE, got " + line.getArgList());
        }
        if (line.getArgList().isEmpty()) {
            out.print(ClusterSecret.generate()); // e.g. export NEUROSWEEP_CLUSTER_SECRET="$(neurosweep cluster secret)"
            out.flush();
            return OK;
        }
        Path file = Path.of(line.getArgList().get(0));
        if (Files.exists(file)) { // replacing a secret would lock out every node that holds it
            throw new UsageException(file + " exists; a new secret goes into a new file");
        }
        ClusterSecret secret;
        try {
            secret = ClusterSecret.create(file);
        } catch (FileAlreadyExistsException e) {
            throw new UsageException(file + " exists; a new secret goes into a new file");
        }
        err.println("neurosweep: wrote a cluster secret (" + secret.fingerprint() + ") into " + file + ", readable by you only;"
                + " copy it to every node of the"
                + " cluster (chmod 600) and give each --secret " + file);
        return OK;
    }

    /** --secret: what a node's option says about it. */
    static Option option() {
        return Option.builder().longOpt("secret").hasArg().argName("FILE")
                .desc("the cluster's secret, made by 'neurosweep cluster secret FILE': the same on every node; nodes without"
                        + " it are refused, and traffic is encrypted (TLS). Default: the environment variable "
                        + ClusterSecret.ENVIRONMENT_VARIABLE + " (the file's path or its content). Required unless this node"
                        + " listens on a loopback address (--host, --bind)").build();
    }

    /** The node's secret: --secret FILE, else the environment variable's, else none. */
    static ClusterSecret of(CommandLine line) throws UsageException {
        try {
            if (line.hasOption("secret")) {
                return ClusterSecret.read(Path.of(line.getOptionValue("secret")));
            }
            Optional<ClusterSecret> fromEnvironment = ClusterSecret.fromEnvironment();
            return fromEnvironment.orElse(null);
        } catch (IOException e) {
            throw new UsageException("cannot read the cluster secret: " + e.getMessage());
        } catch (InvalidClusterSecretException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
