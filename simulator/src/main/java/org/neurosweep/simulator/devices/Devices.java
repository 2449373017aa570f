package org.neurosweep.simulator.devices;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.neurosweep.simulator.UnknownNameException;

/**
 * The registry of device models, by NEST name: what {@code Kernel.create} makes when the name is not a
 * neuron model's. Engine-facing: called by the kernel.
 */
public final class Devices {
    /** Every device model's name: generators, then recorders. */
    public static final List<String> NAMES = List.of(PoissonGenerator.NAME, DcGenerator.NAME, StepCurrentGenerator.NAME,
            AcGenerator.NAME, NoiseGenerator.NAME, SpikeGenerator.NAME, SpikeRecorder.NAME, Multimeter.NAME,
            Multimeter.VOLTMETER, WeightRecorder.NAME);

    private Devices() {
    }

    /**
     * Creates device {@code id} of a model in {@link #NAMES} at step {@code now}, its parameters checked
     * (not yet against the resolution: {@link Device#prepare}); recorders get a replica for each of
     * {@code virtualProcesses} VPs. {@code recordables} gives the recordables of every neuron model, which
     * a multimeter's {@code record_from} may name (asked for multimeters only).
     *
     * @throws UnknownNameException if the model is not a device's
     */
    public static Device create(String model, int id, Map<String, ?> params, int virtualProcesses, long now,
                                Supplier<List<String>> recordables) {
        return switch (model) {
            case PoissonGenerator.NAME -> new PoissonGenerator(id, params);
            case DcGenerator.NAME -> new DcGenerator(id, params);
            case StepCurrentGenerator.NAME -> new StepCurrentGenerator(id, params);
            case AcGenerator.NAME -> new AcGenerator(id, params);
            case NoiseGenerator.NAME -> new NoiseGenerator(id, params, now);
            case SpikeGenerator.NAME -> new SpikeGenerator(id, params, now);
            case SpikeRecorder.NAME -> new SpikeRecorder(id, params, virtualProcesses);
            case WeightRecorder.NAME -> new WeightRecorder(id, params, virtualProcesses);
            case Multimeter.NAME, Multimeter.VOLTMETER -> new Multimeter(id, model, params, virtualProcesses, recordables.get());
            default -> throw new UnknownNameException("unknown device model '" + model + "'; devices: " + NAMES);
        };
    }
}
