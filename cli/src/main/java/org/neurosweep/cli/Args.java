package org.neurosweep.cli;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;

/** Checks of positional arguments and of output paths, shared by the commands. */
final class Args {
    private Args() {
    }

    /** The one positional argument, which must name an existing file. */
    static Path onlyFile(CommandLine line, String what) throws UsageException {
        if (line.getArgList().size() != 1) {
            throw new UsageException("expected " + what + ", got " + line.getArgList());
        }
        return existingFile(line, what);
    }

    /**
     * Stored sweep files: every argument names a file, or is a glob ({@code *}, {@code ?}, {@code [..]} in its last
     * part, quoted against the shell) matching files in its directory, sorted by name. Several files are read as
     * the shards of one sweep.
     */
    static List<Path> storedFiles(List<String> args, String what) throws UsageException {
        if (args.isEmpty()) {
            throw new UsageException("expected " + what);
        }
        List<Path> files = new java.util.ArrayList<>();
        for (String a : args) {
            Path p = Path.of(a);
            String last = p.getFileName() == null ? a : p.getFileName().toString();
            if (last.matches(".*[*?\\[].*") && !Files.exists(p)) {
                Path dir = p.getParent() == null ? Path.of(".") : p.getParent();
                java.nio.file.PathMatcher m = dir.getFileSystem().getPathMatcher("glob:" + last);
                List<Path> matched = new java.util.ArrayList<>();
                try (java.util.stream.Stream<Path> s = Files.list(dir)) {
                    s.filter(f -> Files.isRegularFile(f) && m.matches(f.getFileName())).sorted().forEach(matched::add);
                } catch (java.io.IOException e) {
                    throw new UsageException(what + " '" + a + "': cannot list " + dir + ": " + e.getMessage());
                }
                if (matched.isEmpty()) {
                    throw new UsageException(what + " '" + a + "' matches no file");
                }
                files.addAll(p.getParent() == null ? matched.stream().map(f -> f.getFileName()).toList() : matched);
            } else if (!Files.isRegularFile(p)) {
                throw new UsageException(what + " '" + a + "' does not exist or is not a file");
            } else {
                files.add(p);
            }
        }
        return files;
    }

    /** The first positional argument, which must name an existing file. */
    static Path existingFile(CommandLine line, String what) throws UsageException {
        if (line.getArgList().isEmpty()) {
            throw new UsageException("expected " + what);
        }
        Path file = Path.of(line.getArgList().get(0));
        if (!Files.isRegularFile(file)) {
            throw new UsageException(what + " '" + file + "' does not exist or is not a file");
        }
        return file;
    }

    /**
     * A file the command will write, checked before any work: a name, not a directory, in a directory that
     * exists, ending in one of {@code extensions} (any, if none are given). Whether it may be replaced is
     * the command's business.
     */
    static Path outputFile(String value, String option, String... extensions) throws UsageException {
        String allowed = extensions.length == 0 ? "" : " ending in " + String.join(" or ", extensions);
        Path file = path(value, option, "a file name" + allowed);
        if (Files.isDirectory(file)) {
            throw new UsageException(option + " " + value + " is a directory; give a file name" + allowed);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean extensionOk = extensions.length == 0;
        for (String e : extensions) {
            extensionOk |= name.endsWith(e) && name.length() > e.length();
        }
        if (!extensionOk) {
            throw new UsageException(option + " " + value + ": give a file name" + allowed);
        }
        requireParent(file, value, option);
        return file;
    }

    /** A directory the command will write (created, or replaced as the command allows), in a directory that exists. */
    static Path outputDirectory(String value, String option) throws UsageException {
        Path dir = path(value, option, "a directory");
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UsageException(option + " " + value + " is a file; give a directory");
        }
        requireParent(dir, value, option);
        return dir;
    }

    private static Path path(String value, String option, String wanted) throws UsageException {
        if (value == null || value.isBlank()) {
            throw new UsageException(option + " is empty; give " + wanted);
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new UsageException(option + " '" + value + "' is not a valid path: " + e.getReason());
        }
    }

    private static void requireParent(Path path, String value, String option) throws UsageException {
        Path parent = path.toAbsolutePath().normalize().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new UsageException(option + " " + value + ": the directory " + parent
                    + (Files.exists(parent) ? " is not a directory" : " does not exist"));
        }
    }
}
