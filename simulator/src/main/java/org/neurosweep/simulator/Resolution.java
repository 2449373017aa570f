package org.neurosweep.simulator;

/**
 * The simulation resolution: time is an integer count of steps inside the engine; milliseconds only at
 * the API edge. Public, with the conversions they need, for the devices (org.neurosweep.simulator.devices),
 * which convert their times once the kernel knows the resolution.
 */
public final class Resolution {
    /** Relative tolerance when a time must be a whole number of steps. */
    private static final double TOLERANCE = 1e-9;

    private final double ms;
    /** Steps per millisecond when that is a whole number (0.1 ms -> 10), else 0. */
    private final double perMs;

    /** A resolution of {@code ms} milliseconds per step (positive and finite). */
    public Resolution(double ms) {
        if (!(ms > 0) || !Double.isFinite(ms)) {
            throw new BadParameterException("resolution " + ms + " ms must be positive and finite");
        }
        this.ms = ms;
        double inverse = 1 / ms;
        this.perMs = Math.abs(inverse - Math.rint(inverse)) < 1e-9 * inverse ? Math.rint(inverse) : 0;
    }

    public double ms() {
        return ms;
    }

    /** A time that must be a whole number of steps (a delay, a spike time). */
    public long exactSteps(double timeMs, String what) {
        double steps = timeMs / ms;
        long rounded = Math.round(steps);
        if (Math.abs(steps - rounded) > TOLERANCE * Math.max(1, Math.abs(steps))) {
            throw new BadParameterException(what + " " + timeMs + " ms is not a multiple of the resolution " + ms + " ms");
        }
        return rounded;
    }

    /** NEST's tic: times are counted in tics of 1 µs (1000 per ms by default), so times within half a tic are equal. */
    static final double HALF_TIC_MS = 0.0005;

    /**
     * A spike time on the grid as NEST takes it: rounded to the nearest step when it lies within half a tic
     * (0.5 µs) of one (2.9999 ms is 3.0 ms at 0.1 ms), refused otherwise.
     */
    public long gridSteps(double timeMs, String what) {
        long rounded = Math.round(timeMs / ms);
        if (Math.abs(timeMs - rounded * ms) > HALF_TIC_MS) {
            throw new BadParameterException(what + " " + timeMs + " ms is not on the grid of the resolution " + ms
                    + " ms; allowed: a multiple of " + ms + " ms, give or take " + HALF_TIC_MS + " ms (half of NEST's tic)");
        }
        return rounded;
    }

    /**
     * A time as the end of the step it lies in, as NEST's {@code Time::ms_stamp} (an off-grid spike time with
     * allow_offgrid_times: 1.05 ms is 1.1 ms at 0.1 ms); a time within half a tic of the grid is on it.
     */
    public long stepsUp(double timeMs) {
        long rounded = Math.round(timeMs / ms);
        return Math.abs(timeMs - rounded * ms) <= HALF_TIC_MS ? rounded : (long) Math.ceil(timeMs / ms);
    }

    /** A time rounded to the nearest step (start and stop times of devices, intervals). */
    long steps(double timeMs) {
        return Math.round(timeMs / ms);
    }

    /** Steps to ms: 593 steps of 0.1 ms is 59.3, not 59.300000000000004. */
    public double toMs(long steps) {
        return perMs > 0 ? steps / perMs : steps * ms;
    }
}
