package org.neurosweep.cli;

import java.util.ArrayList;
import java.util.List;
import org.neurosweep.explore.Sweep;
import org.neurosweep.trajectory.Parameter;
import org.neurosweep.trajectory.Trajectory;
import org.neurosweep.trajectory.TrajectoryException;
import org.neurosweep.trajectory.ValueType;

/**
 * The sweep options shared by the commands that start a sweep: {@code --grid name=v1,v2,...} or
 * {@code --grid name=start:stop:step} (as arange, stop excluded; several make a cartesian product in
 * the order given) and {@code --set name=value}. Values are parsed as the parameter's type.
 */
final class SweepArguments {
    private SweepArguments() {
    }

    /** Applies {@code --set name=value} to the trajectory's defaults. */
    static void applySets(Trajectory t, String[] sets) throws UsageException {
        for (String spec : sets == null ? new String[0] : sets) {
            String[] nv = splitAssignment("--set", spec);
            try {
                Parameter p = t.parameter(nv[0]);
                p.setValue(p.type().parse(nv[1], "--set " + spec));
            } catch (TrajectoryException e) {
                throw new UsageException("--set " + spec + ": " + e.getMessage());
            }
        }
    }

    /** The product of the {@code --grid} options, or null if there are none. */
    static Sweep grid(Trajectory t, String[] grids) throws UsageException {
        if (grids == null || grids.length == 0) {
            return null;
        }
        List<Sweep> parts = new ArrayList<>();
        for (String spec : grids) {
            parts.add(gridOf(t, spec));
        }
        try {
            return parts.size() == 1 ? parts.get(0) : Sweep.product(parts.toArray(new Sweep[0]));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--grid: " + e.getMessage());
        }
    }

    private static Sweep gridOf(Trajectory t, String spec) throws UsageException {
        String[] nv = splitAssignment("--grid", spec);
        String name = nv[0];
        String where = "--grid " + spec;
        try {
            ValueType type = t.parameter(name).type();
            String[] range = nv[1].split(":", -1);
            if (range.length == 3) {
                return arange(name, type, range, where);
            }
            if (range.length != 1) {
                throw new UsageException(where + ": give values as v1,v2,... or a range as start:stop:step");
            }
            List<Object> values = new ArrayList<>();
            for (String v : nv[1].split(",", -1)) {
                if (v.isBlank()) {
                    throw new UsageException(where + ": empty value in the list '" + nv[1] + "'");
                }
                values.add(type.parse(v, where));
            }
            return Sweep.values(name, values);
        } catch (TrajectoryException | IllegalArgumentException e) {
            throw new UsageException(e.getMessage().startsWith(where) ? e.getMessage() : where + ": " + e.getMessage());
        }
    }

    private static Sweep arange(String name, ValueType type, String[] r, String where) throws UsageException {
        switch (type) {
            case INT:
                return Sweep.arange(name, (Integer) type.parse(r[0], where), (Integer) type.parse(r[1], where),
                        (Integer) type.parse(r[2], where));
            case LONG:
                return Sweep.arange(name, (Long) type.parse(r[0], where), (Long) type.parse(r[1], where),
                        (Long) type.parse(r[2], where));
            case DOUBLE:
                return Sweep.arange(name, (Double) type.parse(r[0], where), (Double) type.parse(r[1], where),
                        (Double) type.parse(r[2], where));
            default:
                throw new UsageException(where + ": a start:stop:step range needs a numeric parameter, but "
                        + name + " is " + type.label() + "; list the values instead");
        }
    }

    private static String[] splitAssignment(String option, String spec) throws UsageException {
        int eq = spec.indexOf('=');
        if (eq <= 0 || eq == spec.length() - 1) {
            throw new UsageException(option + " '" + spec + "': expected name=value");
        }
        return new String[] {spec.substring(0, eq).trim(), spec.substring(eq + 1).trim()};
    }
}
