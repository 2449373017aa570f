package org.neurosweep.simulator.devices;

import java.util.List;
import java.util.Map;
import org.neurosweep.simulator.BadParameterException;
import org.neurosweep.simulator.Params;
import org.neurosweep.simulator.Resolution;

/**
 * dc_generator: a constant current {@code amplitude} (pA), times the connection weight, acting on the
 * membrane during [origin + start + d, origin + stop + d) for a connection of delay d (NEST's timing).
 */
final class DcGenerator extends SharedCurrentGenerator {
    static final String NAME = "dc_generator";
    static final List<String> PARAMS = List.of("amplitude", "origin", "start", "stop");

    double amplitude;

    DcGenerator(int id, Map<String, ?> given) {
        super(id, NAME);
        Params p = new Params(NAME, given, PARAMS);
        amplitude = p.number("amplitude", 0);
        if (!Double.isFinite(amplitude)) {
            throw new BadParameterException(NAME + ": amplitude = " + amplitude + " pA must be finite");
        }
        window = Window.parse(NAME, p);
    }

    @Override
    public void prepare(Resolution r) {
        window.prepare(r);
    }

    @Override
    Runnable changeParameters(Map<String, ?> given, Resolution r, long now) {
        Params p = new Params(NAME, given, PARAMS);
        double a = p.number("amplitude", amplitude);
        if (!Double.isFinite(a)) {
            throw new BadParameterException(NAME + ": amplitude = " + a + " pA must be finite");
        }
        Window w = window.changed(p);
        w.prepare(r);
        return () -> {
            amplitude = a;
            window = w;
        };
    }

    @Override
    public Map<String, Object> status(Resolution r) {
        Map<String, Object> m = common(window);
        m.put("amplitude", amplitude);
        return m;
    }

    @Override
    double valueAt(long stamp) {
        return amplitude;
    }
}
