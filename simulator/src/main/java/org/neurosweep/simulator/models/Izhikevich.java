package org.neurosweep.simulator.models;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neurosweep.simulator.BadParameterException;
import org.neurosweep.simulator.Params;

/**
 * izhikevich: Izhikevich's (2003) two-variable neuron, dv/dt = 0.04 v^2 + 5 v + 140 - u + I,
 * du/dt = a (b v - u); at v &gt;= V_th, v = c and u += d. Stepped by forward Euler at the resolution
 * (consistent_integration, NEST's default) or by Izhikevich's own two half-steps for v. Spikes add their
 * weight to v (mV) directly.
 */
public final class Izhikevich extends OdeModel<Izhikevich.P> {
    public static final String NAME = "izhikevich";
    public static final Izhikevich MODEL = new Izhikevich();
    private static final int V = 0;
    private static final int U = 1;

    /** Part 1, NEST's defaults: a 0.02, b 0.2, c -65 mV, d 8 mV, I_e 0 pA, V_th 30 mV, V_min -DBL_MAX, consistent_integration. */
    public record P(double a, double b, double c, double d, double iE, double vTh, double vMin, boolean consistent) {
    }

    private Izhikevich() {
        super(NAME, List.of("a", "b", "c", "d", "I_e", "V_th", "V_min", "consistent_integration"), List.of("V_m", "U_m"));
    }

    @Override
    public P parse(Params p) {
        P q = new P(p.number("a", 0.02), p.number("b", 0.2), p.number("c", -65), p.number("d", 8), p.number("I_e", 0),
                p.number("V_th", 30), p.number("V_min", -Double.MAX_VALUE), p.bool("consistent_integration", true));
        if (!Double.isFinite(q.c) || !Double.isFinite(q.d) || !Double.isFinite(q.iE) || Double.isNaN(q.vTh)) {
            throw new BadParameterException(NAME + ": c, d and I_e must be finite and V_th a number, got c = " + q.c
                    + ", d = " + q.d + ", I_e = " + q.iE + ", V_th = " + q.vTh);
        }
        return q;
    }

    @Override
    public Map<String, Object> toMap(P q) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a", q.a);
        m.put("b", q.b);
        m.put("c", q.c);
        m.put("d", q.d);
        m.put("I_e", q.iE);
        m.put("V_th", q.vTh);
        m.put("V_min", q.vMin);
        m.put("consistent_integration", q.consistent);
        return m;
    }

    /** Part 2: v = -65 mV, u = -13 (NEST's, from b's default, whatever b is given). */
    @Override
    public void initialize(P p, double[] y) {
        y[V] = -65.0;
        y[U] = -13.0;
    }

    /** Part 3 (stepped by {@link #update}'s own scheme, not integrated adaptively). */
    @Override
    public void derivatives(P p, double[] y, double[] dydt, OdeStep step) {
        double v = y[V];
        dydt[V] = 0.04 * v * v + 5.0 * v + 140.0 - y[U] + step.current + p.iE;
        dydt[U] = p.a * (p.b * v - y[U]);
    }

    /** Part 4: one Euler step (the step's spikes added to v), V_min, then the threshold. */
    @Override
    public void update(P p, double[] y, OdeStep step) {
        double h = step.h;
        double v = y[V];
        double u = y[U];
        double input = step.current + p.iE;
        if (p.consistent) {
            y[V] = v + h * (0.04 * v * v + 5.0 * v + 140.0 - u + input) + step.ex;
            y[U] = u + h * p.a * (p.b * v - u);
        } else {
            v += h / 2 * (0.04 * v * v + 5.0 * v + 140.0 - u + input + step.ex);
            v += h / 2 * (0.04 * v * v + 5.0 * v + 140.0 - u + input + step.ex);
            y[V] = v;
            y[U] = u + h * p.a * (p.b * v - u);
        }
        y[V] = Math.max(y[V], p.vMin);
        if (y[V] >= p.vTh) {
            y[V] = p.c;
            y[U] += p.d;
            step.spike();
        }
    }

    @Override
    public Rkf45 integrator(P p) {
        return null;
    }

    @Override
    public boolean sumsInput() {
        return true;
    }
}
