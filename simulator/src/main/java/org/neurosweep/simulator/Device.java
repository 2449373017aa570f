package org.neurosweep.simulator;

import java.util.Map;

/** A device node: a generator (sends to neurons) or a recorder (receives from or samples neurons). */
abstract class Device {
    final int id;
    final String model;

    Device(int id, String model) {
        this.id = id;
        this.model = model;
    }

    /** Converts ms parameters to steps once the resolution is known. */
    abstract void prepare(Resolution resolution);

    /**
     * Every parameter by NEST name (GetStatus), ms and pA as given; recorders add {@code n_events}.
     * Subclasses add theirs to {@link #common}.
     */
    abstract Map<String, Object> status(Resolution r);

    /** What every device reports: its model, id and window. */
    final Map<String, Object> common(Window w) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("model", model);
        m.put("global_id", id);
        m.put("origin", w.originMs);
        m.put("start", w.startMs);
        m.put("stop", w.stopMs);
        return m;
    }

    /** Whether this device may be the source of a connection to a neuron. */
    abstract boolean sends();

    /**
     * A change of parameters between {@code simulate} calls (NEST's SetStatus), checked as at create and
     * made when the returned action runs; the parameters not given keep their values. {@code now} is the
     * current step.
     *
     * @throws UnknownNameException if this model cannot change a parameter after create
     */
    Runnable change(Map<String, ?> given, Resolution resolution, long now) {
        throw new UnknownNameException(model + " " + id + ": its parameters cannot be changed after create; changeable:"
                + " the generators' (dc_generator: amplitude; step_current_generator: amplitude_times,"
                + " amplitude_values; ac_generator: amplitude, offset, frequency, phase; noise_generator: mean, std, dt,"
                + " std_mod, frequency, phase; poisson_generator: rate; spike_generator: spike_times, spike_weights,"
                + " spike_multiplicities, allow_offgrid_times, shift_now_spikes; each also origin, start, stop)");
    }

}
