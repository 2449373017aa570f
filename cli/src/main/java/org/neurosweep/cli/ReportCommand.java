package org.neurosweep.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.neurosweep.postprocess.Grid;
import org.neurosweep.postprocess.Report;
import org.neurosweep.postprocess.StoredSweep;
import org.neurosweep.storage.TrajectoryReader;

/** {@code report}, {@code plot} and {@code raster}: pictures of a stored sweep. */
final class ReportCommand implements Command {
    private final String name;

    private ReportCommand(String name) {
        this.name = name;
    }

    static ReportCommand report() {
        return new ReportCommand("report");
    }

    static ReportCommand plot() {
        return new ReportCommand("plot");
    }

    static ReportCommand raster() {
        return new ReportCommand("raster");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String synopsis() {
        return switch (name) {
            case "report" -> "FILE.h5... --out DIR";
            case "plot" -> "FILE.h5... --x PARAM [--y PARAM] --z RESULT --out FILE.svg|FILE.png";
            default -> "FILE.h5... --run N --out FILE.png";
        };
    }

    @Override
    public String summary() {
        return switch (name) {
            case "report" -> "write heatmaps of every result, rasters at the grid's corners and the run table as DIR/index.html";
            case "plot" -> "plot a result over one explored parameter (line, mean +- std) or two (heatmap)";
            default -> "plot one run's spike raster and population rate";
        };
    }

    @Override
    public Options options() {
        Options o = new Options();
        o.addOption(Option.builder().longOpt("out").hasArg().argName(name.equals("report") ? "DIR" : "FILE.svg|FILE.png")
                .desc(name.equals("report") ? "the directory to write (an old report there is replaced once the new one is whole)"
                        : "the SVG or PNG (2x pixels) file to write").build());
        if (name.equals("plot")) {
            o.addOption(Option.builder().longOpt("x").hasArg().argName("PARAM").desc("explored parameter across").build());
            o.addOption(Option.builder().longOpt("y").hasArg().argName("PARAM").desc("explored parameter up (heatmap)").build());
            o.addOption(Option.builder().longOpt("z").hasArg().argName("RESULT").desc("the result to plot").build());
        }
        if (name.equals("raster")) {
            o.addOption(Option.builder().longOpt("run").hasArg().argName("N").desc("the run's index").build());
        }
        return o;
    }

    @Override
    public int execute(CommandLine line, PrintStream out, PrintStream err) throws UsageException, IOException {
        java.util.List<Path> files = Args.storedFiles(line.getArgList(), "FILE.h5");
        Path file = files.get(0);
        String target = line.getOptionValue("out");
        if (target == null) {
            throw new UsageException("--out is required");
        }
        try {
            switch (name) {
                case "report" -> {
                    Path dir = Args.outputDirectory(target, "--out");
                    List<Path> written = StoredFile.read(files, reader -> Report.write(reader, dir));
                    out.println("wrote " + written.size() + " files; open " + written.get(0));
                }
                case "plot" -> {
                    Path png = Args.outputFile(target, "--out", ".svg", ".png");
                    StoredFile.read(files, reader -> plot(reader, line, png));
                    out.println("wrote " + png);
                }
                default -> {
                    Path png = Args.outputFile(target, "--out", ".svg", ".png");
                    int run = parseRun(required(line, "run"));
                    StoredFile.read(files, reader -> {
                        Report.raster(reader, run, png);
                        return png;
                    });
                    out.println("wrote " + png);
                }
            }
        } catch (IOException e) {
            throw new IOException("cannot write " + target + ": " + e.getMessage(), e);
        }
        return OK;
    }

    private static Path plot(TrajectoryReader reader, CommandLine line, Path png) throws UsageException, IOException {
        StoredSweep sweep = new StoredSweep(reader);
        String x = required(line, "x");
        String z = required(line, "z");
        String y = line.getOptionValue("y");
        if (!sweep.numericResults().contains(z)) {
            throw new UsageException("--z " + z + ": not a numeric result; results: " + sweep.numericResults());
        }
        if (y != null && sweep.trajectory().parameter(x) == sweep.trajectory().parameter(y)) {
            throw new UsageException("--x " + x + " and --y " + y + " are the same parameter; a heatmap needs two different"
                    + " explored parameters (explored: " + sweep.explored() + "), a line plot only --x");
        }
        Grid grid = Grid.of(sweep.parameter(x), y == null ? null : sweep.parameter(y), sweep.result(z));
        if (grid.isEmpty()) {
            throw new UsageException("--z " + z + ": no run has a value (every one is NaN or the run did not complete);"
                    + " nothing to plot");
        }
        Report.plot(reader, x, y, z, png);
        return png;
    }

    private static String required(CommandLine line, String option) throws UsageException {
        String v = line.getOptionValue(option);
        if (v == null || v.isBlank()) {
            throw new UsageException("--" + option + " is required");
        }
        return v;
    }

    private static int parseRun(String text) throws UsageException {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--run '" + text + "' is not a run index");
        }
    }

}
