package org.neurosweep.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.neurosweep.postprocess.FailedRun;
import org.neurosweep.postprocess.FailedRuns;
import org.neurosweep.runners.SweepSummary;
import org.neurosweep.storage.TrajectoryReader;

/**
 * {@code neurosweep failures FILE.h5}: every failed run with its explored values and error; and the
 * notice {@code run} and {@code resume} print when runs failed.
 */
final class FailuresCommand implements Command {
    /** Failed runs the end of {@code run} and {@code resume} shows; the command shows them all. */
    static final int NOTICE_RUNS = 5;

    @Override
    public String name() {
        return "failures";
    }

    @Override
    public String synopsis() {
        return "FILE.h5... [--full] [--csv OUT.csv]";
    }

    @Override
    public String summary() {
        return "list the failed runs: explored values and the error (its first line, or all of it with --full)";
    }

    @Override
    public String exitStatus() {
        return "Exit status: 0 no run failed, 1 some run failed (they are listed), 2 bad arguments or an unusable"
                + " input file, 3 an I/O or internal error: 'neurosweep failures FILE.h5 > /dev/null' tells a script"
                + " whether a sweep is clean.";
    }

    @Override
    public void printDetails(CommandLine line, PrintStream out) {
        out.println("Failed runs are listed on standard output, then how many failed on standard error.");
    }

    @Override
    public Options options() {
        Options o = new Options();
        o.addOption(Option.builder().longOpt("full").desc("the whole error (exception and stack trace), not its first line").build());
        o.addOption(Option.builder().longOpt("csv").hasArg().argName("OUT.csv")
                .desc("write CSV (run, explored parameters, error) to this file instead of printing").build());
        return o;
    }

    @Override
    public int execute(CommandLine line, PrintStream out, PrintStream err) throws UsageException, IOException {
        java.util.List<Path> files = Args.storedFiles(line.getArgList(), "FILE.h5");
        Path file = files.get(0);
        boolean full = line.hasOption("full");
        Path csv = line.hasOption("csv") ? Args.outputFile(line.getOptionValue("csv"), "--csv") : null;
        FailedRuns failed = StoredFile.read(files, reader -> {
            FailedRuns f = FailedRuns.of(reader); // error texts are read as they are listed, while the file is open
            if (csv != null) {
                WholeFile.write(csv, w -> f.writeCsv(w, full));
                err.println("wrote " + f.count() + " failed runs to " + csv);
            } else if (full) {
                printFull(f, out);
            } else if (!f.isEmpty()) {
                out.print(f.table(false).toText());
            }
            return f;
        });
        err.println(file + ": " + failed);
        return failed.isEmpty() ? OK : FAILURE;
    }

    /** One block per run: its values, then the whole error indented; a blank line between runs. */
    private static void printFull(FailedRuns failed, PrintStream out) {
        boolean[] first = {true};
        failed.forEach(f -> {
            if (!first[0]) {
                out.println();
            }
            first[0] = false;
            out.println("run " + f.index() + (f.parameters().isEmpty() ? "" : ": " + f.parametersText()));
            f.error().lines().forEach(l -> out.println("    " + l));
        });
    }

    /**
     * What {@code run} and {@code resume} print at the end when runs failed: the first few with their values
     * and errors' first lines (unless quiet), then, always, how many failed and how to see them all.
     */
    static void printNotice(TrajectoryReader reader, Path file, SweepSummary summary, boolean quiet, PrintStream err) {
        if (summary.failed() == 0) {
            return;
        }
        String all = "'neurosweep failures " + file + "' lists them all with their errors";
        try {
            FailedRuns failed = FailedRuns.of(reader);
            if (!quiet) {
                List<FailedRun> first = failed.first(NOTICE_RUNS);
                err.println(first.size() < failed.count() ? "the first " + first.size() + " failed runs:" : "failed runs:");
                first.forEach(f -> err.println("  " + f));
            }
            err.println("neurosweep: " + failed + "; " + all);
        } catch (RuntimeException e) {
            // the sweep is over and stored; a file that cannot be read back still gets the count and the hint
            err.println("neurosweep: " + summary.failed() + " runs failed; " + all);
        }
    }
}
