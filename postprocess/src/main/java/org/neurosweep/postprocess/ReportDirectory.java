package org.neurosweep.postprocess;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where a report goes, written whole or not at all: the report is written into a temporary directory
 * beside the target, then renamed into place. An old report at the target is replaced only once the new
 * one is whole; a directory that is not a report (other files in it) is never replaced.
 */
final class ReportDirectory {
    private final Path target;

    private ReportDirectory(Path target) {
        this.target = target;
    }

    /**
     * Checks the target before any work is done.
     *
     * @throws IllegalArgumentException if it is a file, or a directory holding anything but a report
     */
    static ReportDirectory of(Path dir) throws IOException {
        Path target = dir.toAbsolutePath().normalize();
        if (target.getParent() == null) {
            throw new IllegalArgumentException(dir + " is the root directory; give a directory for the report");
        }
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new IllegalArgumentException(dir + " exists and is not a directory; give a directory for the report");
        }
        if (Files.isDirectory(target)) {
            String stranger = stranger(target);
            if (stranger != null) {
                throw new IllegalArgumentException(dir + " exists and is not a neurosweep report (it holds " + stranger
                        + "); give a new directory, or an old report's, which is then replaced");
            }
        }
        return new ReportDirectory(target);
    }

    /** The first entry that a report does not write (HTML pages, SVG and PNG figures), or null. */
    private static String stranger(Path dir) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (!Files.isRegularFile(p) || !(name.endsWith(".html") || name.endsWith(".svg") || name.endsWith(".png"))) {
                    return name;
                }
            }
        }
        return null;
    }

    /** A new, empty temporary directory beside the target, for the report to be written into. */
    Path begin() throws IOException {
        Files.createDirectories(target.getParent());
        return Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".tmp-");
    }

    /** Puts the whole report in {@code written} in place of the target (and of an old report there). */
    void commit(Path written) throws IOException {
        if (!Files.exists(target)) {
            Files.move(written, target, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        Path old = target.resolveSibling("." + target.getFileName() + ".old-" + Long.toHexString(System.nanoTime()));
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.move(written, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.move(old, target, StandardCopyOption.ATOMIC_MOVE); // the old report stays as it was
            throw e;
        }
        delete(old);
    }

    /** Deletes a directory this class made, and what is in it (a report that failed half-way, an old one replaced). */
    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
