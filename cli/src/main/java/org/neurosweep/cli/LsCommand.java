package org.neurosweep.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.neurosweep.storage.NotATrajectoryFileException;
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
        TreeListing.Listing listing = StoredFile.read(file, reader -> TreeListing.listing(reader, path));
        listing.lines().forEach(out::println);
        if (!listing.damaged().isEmpty()) { // listed in place; the status says the file is not whole
            throw new NotATrajectoryFileException(file, "damaged (" + listing.damaged().size() + " part"
                    + (listing.damaged().size() == 1 ? "" : "s") + " cannot be read: " + listing.damaged().get(0) + ")", null);
        }
        return OK;
    }
}
