package org.neurosweep.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.neurosweep.explore.Sweep;
import org.neurosweep.explore.SweepDefinition;
import org.neurosweep.trajectory.Allowed;
import org.neurosweep.trajectory.Branch;
import org.neurosweep.trajectory.Leaf;
import org.neurosweep.trajectory.Parameter;
import org.neurosweep.trajectory.Trajectory;
import org.neurosweep.trajectory.ValueType;

/**
 * What {@code neurosweep run SWEEP --help} adds after the options: the sweep's parameters (name, type,
 * default, unit, allowed values, comment) and its default sweep, so that names need not be guessed from
 * error messages.
 */
final class SweepHelp {
    /** Distinct values shown per explored parameter of the default sweep. */
    private static final int VALUES_SHOWN = 10;
    /** Points of the default sweep read to find its values. */
    private static final long POINTS_READ = 100_000;

    private SweepHelp() {
    }

    static void print(SweepSource source, PrintStream out) {
        SweepDefinition d = source.definition();
        Trajectory t = d.newTrajectory(RunCommand.DEFAULT_SEED);
        out.println();
        out.println("sweep " + d.name() + (d.description().isEmpty() ? "" : ": " + d.description()));
        if (source.code() != null) {
            out.println("  class " + source.className() + " from " + source.location());
        }
        out.println();
        out.println("parameters (change with --set name=value, explore with --grid name=v1,v2,... or name=start:stop:step):");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"name", "type", "default", "unit", "allowed", "comment"});
        for (Leaf l : t.leaves(Branch.PARAMETERS)) {
            Parameter p = (Parameter) l;
            Allowed a = p.allowed();
            rows.add(new String[] {shortName(p), p.type().label(), ValueType.abbreviate(p.value()), p.unit(),
                    a == null ? "" : a.describe(), p.comment()});
        }
        printTable(rows, out);
        out.println();
        out.println("default sweep: " + describe(d.defaultSweep()));
        out.flush();
    }

    /** The path below {@code parameters.}, as --set and --grid accept it. */
    private static String shortName(Parameter p) {
        String path = p.fullPath();
        String prefix = Branch.PARAMETERS.groupName() + ".";
        return path.startsWith(prefix) ? path.substring(prefix.length()) : path;
    }

    /** "24 runs: g = 3.0, 4.0, ...; eta = 1.0, 2.0" (the distinct values of each explored parameter, in order). */
    static String describe(Sweep s) {
        StringBuilder b = new StringBuilder(s.size() + (s.size() == 1 ? " run" : " runs"));
        String sep = ": ";
        for (int c = 0; c < s.names().size(); c++) {
            Set<String> values = new LinkedHashSet<>();
            boolean more = false;
            for (long i = 0; i < Math.min(s.size(), POINTS_READ); i++) {
                values.add(ValueType.abbreviate(s.value(i, c)));
                if (values.size() > VALUES_SHOWN) {
                    more = true;
                    break;
                }
            }
            List<String> shown = new ArrayList<>(values).subList(0, Math.min(VALUES_SHOWN, values.size()));
            b.append(sep).append(s.names().get(c)).append(" = ").append(String.join(", ", shown))
                    .append(more || s.size() > POINTS_READ ? ", ..." : "");
            sep = "; ";
        }
        return b.toString();
    }

    private static void printTable(List<String[]> rows, PrintStream out) {
        int[] width = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length - 1; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder b = new StringBuilder(" ");
            for (int i = 0; i < r.length; i++) {
                b.append(' ').append(i == r.length - 1 ? r[i] : pad(r[i], width[i]));
            }
            out.println(b.toString().stripTrailing());
        }
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(width - s.length());
    }
}
