package org.neurosweep.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** The clone the tests run in: the directory with the root pom and the {@code neurosweep} launcher. */
final class RepositoryRoot {
    private RepositoryRoot() {
    }

    static Path path() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("pom.xml")) && Files.isRegularFile(p.resolve("neurosweep"))) {
                return p;
            }
        }
        throw new IllegalStateException("no neurosweep clone above " + Path.of("").toAbsolutePath());
    }
}
