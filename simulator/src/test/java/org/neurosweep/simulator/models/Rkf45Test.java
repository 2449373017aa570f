package org.neurosweep.simulator.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.neurosweep.simulator.SimulationException;

/** The adaptive integrator against closed-form solutions, and its step control. */
class Rkf45Test {

    /** A harmonic oscillator y'' = -w^2 y over 200 intervals of 0.1 ms, as NEST integrates a neuron step by step. */
    @Test
    void anOscillatorStaysWithinTheToleranceItWasGiven() {
        double w = 2 * Math.PI * 0.05; // 50 Hz in 1/ms
        Rkf45.Rhs f = (t, y, dy) -> {
            dy[0] = y[1];
            dy[1] = -w * w * y[0];
        };
        for (double tol : new double[] {1e-3, 1e-6, 1e-9}) {
            Rkf45 r = Rkf45.yControl(2, tol, 0);
            double[] y = {1, 0};
            double[] h = {0.1};
            for (int k = 1; k <= 200; k++) {
                r.integrate(f, y, 0.1, h);
            }
            double t = 20.0;
            double err = Math.abs(y[0] - Math.cos(w * t));
            assertTrue(err < 200 * tol, "tolerance " + tol + ": error " + err);
        }
    }

    @Test
    void aStiffDecayForcesSmallerStepsAndGrowsThemBack() {
        Rkf45 r = Rkf45.yControl(1, 1e-6, 0);
        double[] y = {1};
        double[] h = {1.0};
        Rkf45.Rhs f = (t, yy, dy) -> dy[0] = -50 * yy[0];
        r.integrate(f, y, 1.0, h);
        assertEquals(Math.exp(-50), y[0], 1e-6);
        assertTrue(r.failedSteps > 0, "a step of 1 ms on a 0.02 ms decay is refused at least once");
        assertTrue(r.steps > 10, "many small steps: " + r.steps);
    }

    @Test
    void aStepIsClippedToEndExactlyAtTheInterval() {
        Rkf45 r = Rkf45.yControl(1, 1e-3, 0);
        double[] y = {0};
        double[] h = {0.3};
        double t = r.evolve((tt, yy, dy) -> dy[0] = 1, y, 0, 0.1, h);
        assertEquals(0.1, t);
        assertEquals(0.1, y[0], 1e-15);
        assertTrue(h[0] >= 0.1, "an exact step suggests a larger next one: " + h[0]);
    }

    @Test
    void divergingEquationsAreReportedNotLooped() {
        Rkf45 r = Rkf45.yControl(1, 1e-3, 0);
        double[] y = {1};
        double[] h = {0.1};
        SimulationException e = assertThrows(SimulationException.class,
                () -> r.integrate((t, yy, dy) -> dy[0] = yy[0] * yy[0] * 1e6, y, 1.0, h));
        assertTrue(e.getMessage().contains("integration"), e.getMessage());
    }
}
