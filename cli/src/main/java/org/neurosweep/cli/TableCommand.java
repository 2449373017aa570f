package org.neurosweep.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.neurosweep.postprocess.RunTable;

/** {@code neurosweep table FILE.h5}: one row per run, explored parameters then scalar results. */
final class TableCommand implements Command {
    @Override
    public String name() {
        return "table";
    }

    @Override
    public String synopsis() {
        return "FILE.h5... [--results r1,r2,...] [--where name=value]... [--csv OUT.csv]";
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
                .desc("only runs whose explored parameter or result has this value (repeatable)").build());
        o.addOption(Option.builder().longOpt("csv").hasArg().argName("OUT.csv").desc("write CSV to this file instead of printing").build());
        return o;
    }

    @Override
    public int execute(CommandLine line, PrintStream out, PrintStream err) throws UsageException, IOException {
        java.util.List<Path> files = Args.storedFiles(line.getArgList(), "FILE.h5");
        Path file = files.get(0);
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
        Path csv = line.hasOption("csv") ? Args.outputFile(line.getOptionValue("csv"), "--csv") : null;
        RunTable table = StoredFile.read(files, reader -> RunTable.of(reader, results, where));
        if (csv != null) {
            WholeFile.write(csv, table::writeCsv);
            err.println("wrote " + table.rows().size() + " rows to " + csv);
        } else {
            out.print(table.toText());
        }
        return OK;
    }
}
