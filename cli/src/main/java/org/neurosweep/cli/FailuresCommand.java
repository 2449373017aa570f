package org.neurosweep.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.neurosweep.postprocess.FailedRun;
import org.neurosweep.postprocess.FailedRuns;
import org.neurosweep.runners.SweepSummary;
import org.neurosweep.storage.StorageException;
import org.neurosweep.storage.TrajectoryReader;
import org.neurosweep.trajectory.TrajectoryException;

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
        return "FILE.h5 [--full] [--csv OUT.csv]";
    }

    @Override
    public String summary() {
        return "list the failed runs: explored values and the error (its first line, or all of it with --full)";
    }

    @Override
    public void printDetails(CommandLine line, PrintStream out) {
        out.println("Failed runs are listed on standard output, then how many failed on standard error.");
        out.println("Exit status: 0 no run failed, 1 some run failed (they are listed), 2 bad arguments or an unusable");
        out.println("input file, 3 an I/O or internal error: 'neurosweep failures FILE.h5 > /dev/null' tells a script");
        out.println("whether a sweep is clean.");
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
    public int execute(CommandLine line, PrintStream out, PrintStream err) throws UsageException {
        Path file = Args.onlyFile(line, "FILE.h5");
        boolean full = line.hasOption("full");
        Path csv = line.hasOption("csv") ? Path.of(line.getOptionValue("csv")) : null;
        FailedRuns failed;
        try (TrajectoryReader reader = TrajectoryReader.open(file)) {
            failed = FailedRuns.of(reader);
            if (csv != null) {
                writeCsv(failed, full, csv);
                err.println("wrote " + failed.count() + " failed runs to " + csv);
            } else if (full) {
                printFull(failed, out);
            } else if (!failed.isEmpty()) {
                out.print(failed.table(false).toText());
            }
        } catch (StorageException | TrajectoryException e) {
            throw new UsageException(e.getMessage());
        }
        err.println(file + ": " + failed);
        return failed.isEmpty() ? OK : FAILURE;
    }

    private static void writeCsv(FailedRuns failed, boolean full, Path csv) throws UsageException {
        try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            failed.writeCsv(w, full);
        } catch (IOException e) {
            throw new UsageException("--csv " + csv + ": " + e.getMessage());
        }
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
    static void printNotice(Path file, SweepSummary summary, boolean quiet, PrintStream err) {
        if (summary.failed() == 0) {
            return;
        }
        String all = "'neurosweep failures " + file + "' lists them all with their errors";
        try (TrajectoryReader reader = TrajectoryReader.open(file)) {
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
