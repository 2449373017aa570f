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
        return "FILE.h5... [PATH]   (several files or a quoted glob: the shards of one sweep, read as one)";
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
        java.util.List<String> args = new java.util.ArrayList<>(line.getArgList());
        String path = "";
        if (args.size() > 1 && !java.nio.file.Files.exists(Path.of(args.get(args.size() - 1)))
                && !args.get(args.size() - 1).matches(".*[*?\\[].*")) {
            path = args.remove(args.size() - 1); // the last argument names no file: a path in the tree
        }
        java.util.List<Path> files = Args.storedFiles(args, "FILE.h5");
        Path file = files.get(0);
        String inTree = path;
        TreeListing.Listing listing = StoredFile.read(files, reader -> TreeListing.listing(reader, inTree));
        listing.lines().forEach(out::println);
        if (!listing.damaged().isEmpty()) { // listed in place; the status says the file is not whole
            throw new NotATrajectoryFileException(file, "damaged (" + listing.damaged().size() + " part"
                    + (listing.damaged().size() == 1 ? "" : "s") + " cannot be read: " + listing.damaged().get(0) + ")", null);
        }
        return OK;
    }
}
