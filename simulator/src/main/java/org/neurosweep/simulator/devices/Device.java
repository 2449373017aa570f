package org.neurosweep.simulator.devices;

import java.util.Map;
import org.neurosweep.simulator.Resolution;
import org.neurosweep.simulator.UnknownNameException;

/**
 * A device node: a generator (sends to neurons) or a recorder (receives from or samples neurons). Made by
 * {@link Devices#create}; the public methods are engine-facing: called by the kernel, not by users, who
 * reach devices through {@code Kernel}.
 */
public abstract class Device {
    final int id;
    final String model;

    Device(int id, String model) {
        this.id = id;
        this.model = model;
    }

    /** The node id. */
    public final int id() {
        return id;
    }

    /** The NEST model name (e.g. dc_generator, voltmeter). */
    public final String model() {
        return model;
    }

    /** Converts ms parameters to steps once the resolution is known; called by the kernel at create and before a run. */
    public abstract void prepare(Resolution resolution);

    /**
     * Every parameter by NEST name (GetStatus), ms and pA as given; recorders add {@code n_events}.
     * Subclasses add theirs to {@link #common}. Called by the kernel.
     */
    public abstract Map<String, Object> status(Resolution r);

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

    /** Whether this device may be the source of a connection to a neuron; called by the kernel at connect. */
    public abstract boolean sends();

    /**
     * A change of parameters between {@code simulate} calls (NEST's SetStatus), checked as at create and
     * made when the returned action runs; the parameters not given keep their values. {@code now} is the
     * current step. Called by the kernel.
     *
     * @throws UnknownNameException if this model cannot change a parameter after create
     */
    public Runnable change(Map<String, ?> given, Resolution resolution, long now) {
        throw new UnknownNameException(model + " " + id + ": its parameters cannot be changed after create; changeable:"
                + " the generators' (dc_generator: amplitude; step_current_generator: amplitude_times,"
                + " amplitude_values; ac_generator: amplitude, offset, frequency, phase; noise_generator: mean, std, dt,"
                + " std_mod, frequency, phase; poisson_generator: rate; spike_generator: spike_times, spike_weights,"
                + " spike_multiplicities, allow_offgrid_times, shift_now_spikes; each also origin, start, stop)");
    }

}
