package org.neurosweep.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.neurosweep.storage.TreeListing;

/** {@code neurosweep ls FILE.h5 [PATH]}: the stored tree with types, shapes and explored ranges. */
final class LsCommand implements Command {
    @Override
    public String name() {
        return "ls";
    }

    @Override
    public String synopsis() {
        return "FILE.h5 [PATH]";
    }

    @Override
    public String summary() {
        return "print the stored trajectory tree (PATH such as parameters or results/summary)";
    }

    @Override
    public Options options() {
        return new Options();
    }

    @Override
    public int execute(CommandLine line, PrintStream out, PrintStream err) throws UsageException, IOException {
        if (line.getArgList().size() > 2) {
            throw new UsageException("expected FILE.h5 [PATH], got " + line.getArgList());
        }
        Path file = Args.existingFile(line, "FILE.h5");
        String path = line.getArgList().size() > 1 ? line.getArgList().get(1) : "";
        StoredFile.read(file, reader -> TreeListing.list(reader, path)).forEach(out::println);
        return OK;
    }
}
