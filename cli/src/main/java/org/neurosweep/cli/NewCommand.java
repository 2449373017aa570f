package org.neurosweep.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code neurosweep new DIR [--package P] [--name CLASS]}: writes a Maven project with a sweep of one's
 * own ({@link NewProject}) into a new or empty directory. The project is written aside and renamed into
 * place, so DIR holds the whole project or nothing.
 */
final class NewCommand implements Command {
    @Override
    public String name() {
        return "new";
    }

    @Override
    public String synopsis() {
        return "DIR [--package " + NewProject.DEFAULT_PACKAGE + "] [--name " + NewProject.DEFAULT_CLASS + "]";
    }

    @Override
    public String summary() {
        return "write a Maven project with a sweep of your own into DIR (pom, sweep class, its test, README)";
    }

    @Override
    public Options options() {
        Options o = new Options();
        o.addOption(Option.builder().longOpt("package").hasArg().argName("PACKAGE")
                .desc("the sweep's package, also the project's groupId (default " + NewProject.DEFAULT_PACKAGE + ")").build());
        o.addOption(Option.builder().longOpt("name").hasArg().argName("CLASS")
                .desc("the sweep's class name (default " + NewProject.DEFAULT_CLASS + ")").build());
        return o;
    }

    @Override
    public int execute(CommandLine line, PrintStream out, PrintStream err) throws UsageException, IOException {
        if (line.getArgList().size() != 1 || line.getArgList().get(0).isBlank()) {
            throw new UsageException("expected one DIR, the project's new directory, got " + line.getArgList());
        }
        Path dir = Path.of(line.getArgList().get(0)).toAbsolutePath().normalize();
        checkUsable(dir);
        String className = line.getOptionValue("name", NewProject.DEFAULT_CLASS);
        String launcher = launcher();
        NewProject project;
        try {
            project = new NewProject(line.getOptionValue("package", NewProject.DEFAULT_PACKAGE), className,
                    NewProject.artifactIdFor(dir, className), launcher);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Set<Path> written;
        try {
            written = write(project, dir);
        } catch (IOException e) {
            throw new IOException("cannot write " + dir + ": " + e.getMessage(), e); // Cli: exit status 3
        }
        out.println("wrote " + dir + ": " + written.stream().map(Path::toString)
                .collect(Collectors.joining(", ")));
        out.println("next: cd " + dir + " && mvn -B verify, then " + launcher + " run --classpath target/classes "
                + project.sweepClass());
        return OK;
    }

    /** DIR must be new, or an empty directory. */
    private static void checkUsable(Path dir) throws UsageException {
        if (!Files.exists(dir)) {
            return;
        }
        if (!Files.isDirectory(dir)) {
            throw new UsageException("DIR '" + dir + "' exists and is not a directory; give a new or empty directory");
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            if (entries.iterator().hasNext()) {
                throw new UsageException("DIR '" + dir + "' is not empty; give a new or empty directory");
            }
        } catch (IOException e) {
            throw new UsageException("DIR '" + dir + "' cannot be read: " + e.getMessage());
        }
    }

    /**
     * Writes the project into a sibling directory, then renames it to DIR (replacing DIR if it is an empty
     * directory), so a failure leaves no half-written project.
     */
    private static Set<Path> write(NewProject project, Path dir) throws IOException {
        Files.createDirectories(dir.getParent());
        // createDirectory, not createTempDirectory: the project's directory gets the user's usual permissions
        Path aside = Files.createDirectory(dir.resolveSibling("." + dir.getFileName() + ".new-" + UUID.randomUUID()));
        try {
            Set<Path> written = project.writeInto(aside);
            Files.move(aside, dir, StandardCopyOption.ATOMIC_MOVE);
            return written;
        } catch (IOException | RuntimeException e) {
            try {
                Directories.delete(aside);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /**
     * The {@code neurosweep} launcher of the clone this command runs from ({@code ROOT/cli/target/neurosweep.jar}
     * or {@code ROOT/cli/target/classes}, both three levels below ROOT), or just {@code neurosweep}.
     */
    static String launcher() {
        CodeSource source = NewCommand.class.getProtectionDomain().getCodeSource();
        try {
            Path root = source == null ? null : Path.of(source.getLocation().toURI()).getParent();
            for (int up = 0; up < 2 && root != null; up++) {
                root = root.getParent();
            }
            Path script = root == null ? null : root.resolve("neurosweep");
            if (script != null && Files.isRegularFile(script) && Files.isExecutable(script)) {
                return script.toString();
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            // a location that is no file (a jar inside a jar, say): fall back to the command's name
        }
        return "neurosweep";
    }
}
