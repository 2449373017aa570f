package org.neurosweep.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.neurosweep.storage.Merge;
import org.neurosweep.storage.MergeException;
import org.neurosweep.storage.StorageException;

/**
 * {@code neurosweep merge OUT.h5 IN1.h5 IN2.h5 ...}: pypet's {@code f_merge}. The shard files of one sweep
 * ({@code run --shard K/N}) become the file the unsplit sweep would have produced; whole sweeps with the same
 * parameters are appended with new run indices ({@code --remove-duplicates}: leaving out runs whose parameter
 * point an earlier input holds). The inputs are never changed; a merge killed midway leaves no OUT.h5.
 */
final class MergeCommand implements Command {
    @Override
    public String name() {
        return "merge";
    }

    @Override
    public String synopsis() {
        return "OUT.h5 IN.h5 IN.h5 ...";
    }

    @Override
    public String summary() {
        return "merge the shard files of one sweep (run --shard K/N) into the file the unsplit sweep would have written,"
                + " or append sweeps of the same parameters";
    }

    @Override
    public Options options() {
        return new Options().addOption(null, "remove-duplicates", false,
                "when appending sweeps, leave out runs whose parameter point an earlier input already holds (pypet's remove_duplicates)");
    }

    @Override
    public int execute(CommandLine line, PrintStream out, PrintStream err) throws UsageException, IOException {
        List<String> args = line.getArgList();
        if (args.size() < 2) {
            throw new UsageException("expected OUT.h5 and at least one input file, got " + args);
        }
        Path target = Path.of(args.get(0));
        List<Path> inputs = new ArrayList<>();
        for (String a : args.subList(1, args.size())) {
            Path p = Path.of(a);
            if (!Files.isRegularFile(p)) {
                throw new UsageException("input " + a + " is not a file");
            }
            inputs.add(p);
        }
        Merge.Outcome r;
        try {
            r = Merge.merge(target, inputs, line.hasOption("remove-duplicates"));
        } catch (MergeException e) {
            throw new UsageException(e.reason()); // the command names itself
        } catch (StorageException e) {
            throw new UsageException(e.getMessage());
        }
        err.println(r.summary());
        r.notes().forEach(n -> err.println("  " + n));
        return OK;
    }
}
