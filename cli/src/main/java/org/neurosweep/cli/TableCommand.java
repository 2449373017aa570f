package org.neurosweep.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.neurosweep.postprocess.RunTable;
import org.neurosweep.storage.StorageException;
import org.neurosweep.storage.TrajectoryReader;
import org.neurosweep.trajectory.TrajectoryException;

/** {@code neurosweep table FILE.h5}: one row per run, explored parameters then scalar results. */
final class TableCommand implements Command {
    @Override
    public String name() {
        return "table";
    }

    @Override
    public String synopsis() {
        return "FILE.h5 [--results r1,r2,...] [--where name=value]... [--csv OUT.csv]";
    }

    @Override
    public String summary() {
        return "print one row per run (explored parameters, then results), or write it as CSV";
    }

    @Override
    public Options options() {
        Options o = new Options();
        o.addOption(Option.builder().longOpt("results").hasArg().argName("r1,r2").desc("the results to show (default: all)").build());
        o.addOption(Option.builder().longOpt("where").hasArg().argName("name=value")
                .desc("only runs whose explored parameter has this value (repeatable)").build());
        o.addOption(Option.builder().longOpt("csv").hasArg().argName("OUT.csv").desc("write CSV to this file instead of printing").build());
        return o;
    }

    @Override
    public int execute(CommandLine line, PrintStream out, PrintStream err) throws UsageException {
        Path file = Args.onlyFile(line, "FILE.h5");
        List<String> results = new ArrayList<>();
        if (line.hasOption("results")) {
            for (String r : line.getOptionValue("results").split(",")) {
                if (!r.isBlank()) {
                    results.add(r.trim());
                }
            }
        }
        Map<String, String> where = new LinkedHashMap<>();
        for (String spec : line.getOptionValues("where") == null ? new String[0] : line.getOptionValues("where")) {
            int eq = spec.indexOf('=');
            if (eq <= 0 || eq == spec.length() - 1) {
                throw new UsageException("--where '" + spec + "': expected name=value");
            }
            where.put(spec.substring(0, eq).trim(), spec.substring(eq + 1).trim());
        }
        RunTable table;
        try (TrajectoryReader reader = TrajectoryReader.open(file)) {
            table = RunTable.of(reader, results, where);
        } catch (StorageException | TrajectoryException | IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (line.hasOption("csv")) {
            Path csv = Path.of(line.getOptionValue("csv"));
            try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                table.writeCsv(w);
            } catch (IOException e) {
                throw new UsageException("--csv " + csv + ": " + e.getMessage());
            }
            err.println("wrote " + table.rows().size() + " rows to " + csv);
        } else {
            out.print(table.toText());
        }
        return OK;
    }
}
