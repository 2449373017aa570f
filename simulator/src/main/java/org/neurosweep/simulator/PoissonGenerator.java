package org.neurosweep.simulator;

import java.util.List;
import java.util.Map;

/**
 * poisson_generator: an independent Poisson spike train of {@code rate} (Hz) to every target, as in NEST
 * (each connection gets its own realization, drawn from its own random stream). Active for spike times
 * t with start &lt; t &lt;= stop (ms).
 */
final class PoissonGenerator extends Device {
    static final String NAME = "poisson_generator";
    static final List<String> PARAMS = List.of("rate", "start", "stop");

    double rate;
    Window window;
    PoissonSampler sampler;

    PoissonGenerator(int id, Map<String, ?> given) {
        super(id, NAME);
        Params p = new Params(NAME, given, PARAMS);
        rate = p.number("rate", 0);
        if (!(rate >= 0) || Double.isInfinite(rate)) {
            throw new BadParameterException(NAME + ": rate = " + rate + " Hz must be finite and not negative");
        }
        window = Window.parse(NAME, p);
    }

    @Override
    void prepare(Resolution r) {
        window.prepare(r);
        if (sampler == null) {
            sampler = new PoissonSampler(rate * r.ms() / 1000.0);
        }
    }

    @Override
    Runnable change(Map<String, ?> given, Resolution r, long now) {
        Params p = new Params(NAME, given, PARAMS);
        double newRate = p.number("rate", rate);
        if (!(newRate >= 0) || Double.isInfinite(newRate)) {
            throw new BadParameterException(NAME + ": rate = " + newRate + " Hz must be finite and not negative");
        }
        Window w = window.changed(NAME, p);
        w.prepare(r);
        PoissonSampler s = newRate == rate && sampler != null ? sampler : new PoissonSampler(newRate * r.ms() / 1000.0);
        return () -> {
            rate = newRate;
            window = w;
            sampler = s;
        };
    }

    @Override
    boolean sends() {
        return true;
    }
}
