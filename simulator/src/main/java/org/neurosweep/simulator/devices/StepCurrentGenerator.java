package org.neurosweep.simulator.devices;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.neurosweep.simulator.BadParameterException;
import org.neurosweep.simulator.Params;
import org.neurosweep.simulator.Resolution;

/**
 * step_current_generator: a piecewise constant current (pA), {@code amplitude_values[i]} from
 * {@code amplitude_times[i]} (absolute ms, strictly increasing, on the grid) until the next time; 0 before
 * the first. As in NEST, the value switched in at time T is stamped T, so it acts on the membrane during
 * [T + d, T + d + h) and later, within the window origin + start &lt;= T &lt; origin + stop (the times are
 * absolute, not shifted by origin, as in NEST); the value in force at start is the last one switched in before it.
 */
final class StepCurrentGenerator extends SharedCurrentGenerator {
    static final String NAME = "step_current_generator";
    static final List<String> PARAMS = List.of("amplitude_times", "amplitude_values", "origin", "start", "stop");

    double[] timesMs;
    double[] values;
    long[] stamps;

    StepCurrentGenerator(int id, Map<String, ?> given) {
        super(id, NAME);
        Params p = new Params(NAME, given, PARAMS);
        timesMs = p.numbers("amplitude_times");
        values = p.numbers("amplitude_values");
        check(timesMs, values);
        window = Window.parse(NAME, p);
    }

    private static void check(double[] times, double[] values) {
        if (times.length != values.length) {
            throw new BadParameterException(NAME + ": amplitude_times has " + times.length + " entries and amplitude_values "
                    + values.length + "; give one value per time");
        }
        for (int i = 0; i < times.length; i++) {
            if (!(times[i] > 0) || Double.isInfinite(times[i])) {
                throw new BadParameterException(NAME + ": amplitude_times[" + i + "] = " + times[i] + " ms must be positive");
            }
            if (i > 0 && !(times[i] > times[i - 1])) {
                throw new BadParameterException(NAME + ": amplitude_times must be strictly increasing; " + times[i]
                        + " ms follows " + times[i - 1] + " ms");
            }
            if (!Double.isFinite(values[i])) {
                throw new BadParameterException(NAME + ": amplitude_values[" + i + "] = " + values[i] + " pA must be finite");
            }
        }
    }

    @Override
    public Map<String, Object> status(Resolution r) {
        Map<String, Object> m = common(window);
        m.put("amplitude_times", timesMs.clone());
        m.put("amplitude_values", values.clone());
        return m;
    }

    @Override
    public void prepare(Resolution r) {
        window.prepare(r);
        long[] s = new long[timesMs.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = r.gridSteps(timesMs[i], NAME + " amplitude time");
        }
        stamps = s;
    }

    @Override
    double valueAt(long stamp) {
        int i = Arrays.binarySearch(stamps, stamp);
        int last = i >= 0 ? i : -i - 2; // the last switch at or before the stamp
        return last < 0 ? 0 : values[last];
    }

    @Override
    Runnable changeParameters(Map<String, ?> given, Resolution r, long now) {
        Params p = new Params(NAME, given, PARAMS);
        double[] t = given.containsKey("amplitude_times") ? p.numbers("amplitude_times") : timesMs;
        double[] v = given.containsKey("amplitude_values") ? p.numbers("amplitude_values") : values;
        check(t, v);
        long[] s = new long[t.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = r.gridSteps(t[i], NAME + " amplitude time");
        }
        Window w = window.changed(p);
        w.prepare(r);
        return () -> {
            timesMs = t;
            values = v;
            stamps = s;
            window = w;
        };
    }
}
