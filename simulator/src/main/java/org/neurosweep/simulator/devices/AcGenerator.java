package org.neurosweep.simulator.devices;

import java.util.List;
import java.util.Map;
import org.neurosweep.simulator.BadParameterException;
import org.neurosweep.simulator.Params;
import org.neurosweep.simulator.Resolution;

/**
 * ac_generator: a sinusoidal current, the value stamped t being offset + amplitude sin(2 pi frequency t +
 * phase) (pA; frequency in Hz, t in s, phase in degrees, as NEST's), with NEST's current-generator timing
 * (origin, start, stop: {@link CurrentGenerator}).
 */
final class AcGenerator extends SharedCurrentGenerator {
    static final String NAME = "ac_generator";
    static final List<String> PARAMS = List.of("amplitude", "offset", "frequency", "phase", "origin", "start", "stop");

    double amplitude;
    double offset;
    double frequency;
    double phase;
    private double radiansPerStep;
    private double phaseRadians;

    AcGenerator(int id, Map<String, ?> given) {
        super(id, NAME);
        Params p = new Params(NAME, given, PARAMS);
        double[] v = read(p, 0, 0, 0, 0);
        amplitude = v[0];
        offset = v[1];
        frequency = v[2];
        phase = v[3];
        window = Window.parse(NAME, p);
    }

    private static double[] read(Params p, double amplitude, double offset, double frequency, double phase) {
        double[] v = {p.number("amplitude", amplitude), p.number("offset", offset), p.number("frequency", frequency),
            p.number("phase", phase)};
        String[] names = {"amplitude (pA)", "offset (pA)", "frequency (Hz)", "phase (degrees)"};
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new BadParameterException(NAME + ": " + names[i] + " = " + v[i] + " must be finite");
            }
        }
        return v;
    }

    @Override
    public Map<String, Object> status(Resolution r) {
        Map<String, Object> m = common(window);
        m.put("amplitude", amplitude);
        m.put("offset", offset);
        m.put("frequency", frequency);
        m.put("phase", phase);
        return m;
    }

    @Override
    public void prepare(Resolution r) {
        window.prepare(r);
        radiansPerStep = 2 * Math.PI * frequency / 1000.0 * r.ms();
        phaseRadians = phase * 2 * Math.PI / 360.0;
    }

    @Override
    double valueAt(long stamp) {
        return offset + amplitude * Math.sin(radiansPerStep * stamp + phaseRadians);
    }

    @Override
    Runnable changeParameters(Map<String, ?> given, Resolution r, long now) {
        Params p = new Params(NAME, given, PARAMS);
        double[] v = read(p, amplitude, offset, frequency, phase);
        Window w = window.changed(p);
        w.prepare(r);
        return () -> {
            amplitude = v[0];
            offset = v[1];
            frequency = v[2];
            phase = v[3];
            window = w;
            prepare(r);
        };
    }
}
