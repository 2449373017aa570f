package org.neurosweep.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;

/** Checks of positional arguments shared by the commands. */
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
}
