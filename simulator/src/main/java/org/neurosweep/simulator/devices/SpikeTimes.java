package org.neurosweep.simulator.devices;

import java.util.Map;
import org.neurosweep.simulator.BadParameterException;
import org.neurosweep.simulator.Params;
import org.neurosweep.simulator.Resolution;

/**
 * A spike_generator's spikes as NEST takes them (models/spike_generator.cpp): {@code spike_times} (ms,
 * relative to origin, in non-descending order; equal times are separate spikes) put on the grid, with
 * their {@code spike_weights} and {@code spike_multiplicities} (each empty, or one per time), and the
 * options that decide how a time is put on the grid.
 *
 * <ul>
 *   <li>A time within half a tic (0.5 µs) of the grid is on it (2.9999 ms is 3.0 ms at 0.1 ms); another is
 *       refused, or with {@code allow_offgrid_times} rounded up to the end of its step (1.05 ms is 1.1 ms).</li>
 *   <li>A time 0 is refused ("spike time cannot be set to 0"), unless {@code shift_now_spikes}: then a
 *       spike at the current time (origin + t == now) moves one step later, where it can still be sent.</li>
 *   <li>{@code precise_times} (NEST's off-grid spikes with an offset) is refused: no model here uses the
 *       offset, and a recorder would show the grid time, not the precise one; use allow_offgrid_times.</li>
 *   <li>The options change only together with spike_times or while there are none (NEST's rule).</li>
 * </ul>
 *
 * @param steps          the grid times, in steps relative to origin
 * @param weights        per spike, the factor of the connection weight; empty: 1
 * @param multiplicities per spike, how many times it is sent; empty: once
 */
record SpikeTimes(long[] steps, double[] weights, int[] multiplicities, boolean allowOffgrid, boolean shiftNow) {
    static final String NAME = SpikeGenerator.NAME;
    static final SpikeTimes NONE = new SpikeTimes(new long[0], new double[0], new int[0], false, false);

    /**
     * These spikes after a create or SetStatus with the values {@code given}; {@code originStep} (the new
     * origin) and {@code now} (the current step) place shift_now_spikes. Checked whole before anything changes.
     */
    SpikeTimes with(Map<String, ?> given, Params p, Resolution r, long originStep, long now) {
        if (p.bool("precise_times", false)) {
            throw new BadParameterException(NAME + ": precise_times = true is not supported: no model here uses precise"
                    + " spike times (NEST's *_ps models), and the spikes would act on the grid anyway; use"
                    + " allow_offgrid_times = true to put an off-grid time at the end of its step");
        }
        boolean offgrid = p.bool("allow_offgrid_times", allowOffgrid);
        boolean shift = p.bool("shift_now_spikes", shiftNow);
        boolean timesGiven = given.containsKey("spike_times");
        if ((offgrid != allowOffgrid || shift != shiftNow) && !timesGiven && steps.length > 0) {
            throw new BadParameterException(NAME + ": allow_offgrid_times and shift_now_spikes can only be set together with"
                    + " spike_times or while no spike times are set (NEST's rule)");
        }
        long[] s = timesGiven ? grid(p.numbers("spike_times"), offgrid, shift, r, originStep, now) : steps;
        double[] w = given.containsKey("spike_weights") ? p.numbers("spike_weights") : weights;
        for (int i = 0; i < w.length; i++) {
            if (!Double.isFinite(w[i])) {
                throw new BadParameterException(NAME + ": spike_weights[" + i + "] = " + w[i] + " must be finite");
            }
        }
        int[] m = given.containsKey("spike_multiplicities") ? counts(p.numbers("spike_multiplicities")) : multiplicities;
        matches("spike_weights", w.length, s.length, given.containsKey("spike_weights"));
        matches("spike_multiplicities", m.length, s.length, given.containsKey("spike_multiplicities"));
        return new SpikeTimes(s, w, m, offgrid, shift);
    }

    private static long[] grid(double[] times, boolean offgrid, boolean shift, Resolution r, long originStep, long now) {
        long[] s = new long[times.length];
        for (int i = 0; i < times.length; i++) {
            double t = times[i];
            if (!(t >= 0) || Double.isInfinite(t)) {
                throw new BadParameterException(NAME + ": spike_times[" + i + "] = " + t + " ms must be a positive time (ms after origin)");
            }
            if (i > 0 && t < times[i - 1]) {
                throw new BadParameterException(NAME + ": spike_times must be in non-descending order (ascending, equal"
                        + " times allowed); " + t + " ms follows " + times[i - 1] + " ms");
            }
            if (t == 0 && !shift) {
                throw new BadParameterException(NAME + ": spike_times[" + i + "] = 0.0 ms: a spike time cannot be set to 0"
                        + " (NEST's rule); give a positive time, or set shift_now_spikes to send it one step later");
            }
            s[i] = offgrid ? r.stepsUp(t) : r.gridSteps(t, NAME + " spike time");
            if (shift && originStep + s[i] == now) {
                s[i]++; // a spike at the current time can no longer be sent: one step later
            }
        }
        return s;
    }

    private static int[] counts(double[] given) {
        int[] m = new int[given.length];
        for (int i = 0; i < m.length; i++) {
            if (!(given[i] >= 1) || given[i] != Math.rint(given[i]) || given[i] > Integer.MAX_VALUE) {
                throw new BadParameterException(NAME + ": spike_multiplicities[" + i + "] = " + given[i]
                        + " must be a whole number of at least 1");
            }
            m[i] = (int) given[i];
        }
        return m;
    }

    private static void matches(String name, int length, int times, boolean given) {
        if (length != 0 && length != times) {
            throw new BadParameterException(NAME + ": " + name + " has " + length + " elements and spike_times " + times
                    + "; give one per spike time, or none (" + (given ? "[] clears it" : "set it together with spike_times") + ")");
        }
    }

    /** The weight factor of spike i (1 without spike_weights). */
    double weight(int i) {
        return weights.length == 0 ? 1.0 : weights[i];
    }

    /** How many times spike i is sent (once without spike_multiplicities). */
    int multiplicity(int i) {
        return multiplicities.length == 0 ? 1 : multiplicities[i];
    }
}
