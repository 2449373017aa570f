package org.neurosweep.simulator.models;

import org.neurosweep.simulator.BadParameterException;
import org.neurosweep.simulator.SimulationException;

/**
 * The adaptive Runge-Kutta-Fehlberg 4(5) integrator NEST's nonlinear neurons use (GSL's rkf45 stepper
 * with its standard step control and evolve loop), so that traces agree with NEST's to its tolerances.
 *
 * <p>A step advances with the fifth-order solution and estimates its error as the difference from the
 * fourth-order one. The control compares each component's error with
 * {@code D = epsAbs + epsRel (aY |y| + aDydt h |y'|)}: above 1.1 D the step is retried smaller (by
 * 0.9 r^{-1/5}, at most 5x smaller); below D/2 the next one may grow (by 0.9 r^{-1/6}, at most 5x). A step
 * is clipped to end exactly at the end of the interval, and the step size carries over to the next
 * interval (NEST keeps it per neuron).
 */
public final class Rkf45 {
    /** A system of ODEs: dy/dt at time t. */
    public interface Rhs {
        void derivatives(double t, double[] y, double[] dydt);
    }

    // Fehlberg's tableau
    private static final double A2 = 1.0 / 4.0;
    private static final double A3 = 3.0 / 8.0;
    private static final double A4 = 12.0 / 13.0;
    private static final double A6 = 1.0 / 2.0;
    private static final double B21 = 1.0 / 4.0;
    private static final double B31 = 3.0 / 32.0;
    private static final double B32 = 9.0 / 32.0;
    private static final double B41 = 1932.0 / 2197.0;
    private static final double B42 = -7200.0 / 2197.0;
    private static final double B43 = 7296.0 / 2197.0;
    private static final double B51 = 8341.0 / 4104.0;
    private static final double B52 = -32832.0 / 4104.0;
    private static final double B53 = 29440.0 / 4104.0;
    private static final double B54 = -845.0 / 4104.0;
    private static final double B61 = -6080.0 / 20520.0;
    private static final double B62 = 41040.0 / 20520.0;
    private static final double B63 = -28352.0 / 20520.0;
    private static final double B64 = 9295.0 / 20520.0;
    private static final double B65 = -5643.0 / 20520.0;
    // fifth order weights
    private static final double C1 = 902880.0 / 7618050.0;
    private static final double C3 = 3953664.0 / 7618050.0;
    private static final double C4 = 3855735.0 / 7618050.0;
    private static final double C5 = -1371249.0 / 7618050.0;
    private static final double C6 = 277020.0 / 7618050.0;
    // fifth minus fourth order: the error estimate
    private static final double E1 = 1.0 / 360.0;
    private static final double E3 = -128.0 / 4275.0;
    private static final double E4 = -2197.0 / 75240.0;
    private static final double E5 = 1.0 / 50.0;
    private static final double E6 = 2.0 / 55.0;
    private static final int ORDER = 5;

    private final int dim;
    private final double epsAbs;
    private final double epsRel;
    private final double aY;
    private final double aDydt;
    private final double[] k1;
    private final double[] k2;
    private final double[] k3;
    private final double[] k4;
    private final double[] k5;
    private final double[] k6;
    private final double[] ytmp;
    private final double[] y0;
    private final double[] yerr;
    private final double[] dydtOut;
    /** Steps tried and steps retried since creation (for tests and profiles). */
    public long steps;
    public long failedSteps;

    /**
     * @param epsAbs absolute tolerance
     * @param epsRel relative tolerance
     * @param aY     weight of |y| in the relative tolerance (1 in GSL's y control, 0 in its y' control)
     * @param aDydt  weight of h |y'| in the relative tolerance (0 in GSL's y control, 1 in its y' control)
     */
    public Rkf45(int dim, double epsAbs, double epsRel, double aY, double aDydt) {
        if (!(epsAbs >= 0) || !(epsRel >= 0) || epsAbs + epsRel == 0) {
            throw new BadParameterException("integration tolerances must be non-negative and not both 0, got absolute "
                    + epsAbs + ", relative " + epsRel);
        }
        this.dim = dim;
        this.epsAbs = epsAbs;
        this.epsRel = epsRel;
        this.aY = aY;
        this.aDydt = aDydt;
        k1 = new double[dim];
        k2 = new double[dim];
        k3 = new double[dim];
        k4 = new double[dim];
        k5 = new double[dim];
        k6 = new double[dim];
        ytmp = new double[dim];
        y0 = new double[dim];
        yerr = new double[dim];
        dydtOut = new double[dim];
    }

    /** GSL's y control: D = epsAbs + epsRel |y|. */
    public static Rkf45 yControl(int dim, double epsAbs, double epsRel) {
        return new Rkf45(dim, epsAbs, epsRel, 1, 0);
    }

    /** GSL's y' control: D = epsAbs + epsRel h |y'|. */
    public static Rkf45 dydtControl(int dim, double epsAbs, double epsRel) {
        return new Rkf45(dim, epsAbs, epsRel, 0, 1);
    }

    /**
     * Integrates y from 0 to {@code t1}, the trial step size in {@code h[0]} (left with the size suggested
     * for the next interval).
     */
    public void integrate(Rhs f, double[] y, double t1, double[] h) {
        double t = 0;
        while (t < t1) {
            t = evolve(f, y, t, t1, h);
        }
    }

    /**
     * One accepted step from t towards t1 (GSL's evolve_apply): tried with h[0], retried smaller while the
     * error is too large, clipped at t1. Returns the new time; h[0] holds the next step's trial size.
     */
    public double evolve(Rhs f, double[] y, double t, double t1, double[] h) {
        double dt = t1 - t;
        double h0 = h[0];
        if (!(h0 > 0) || !(dt > 0)) {
            throw new SimulationException("integration step " + h0 + " ms towards " + dt + " ms ahead: both must be positive");
        }
        System.arraycopy(y, 0, y0, 0, dim);
        f.derivatives(t, y, k1);
        while (true) {
            boolean finalStep = h0 >= dt;
            if (finalStep) {
                h0 = dt;
            }
            step(f, t, h0, y);
            steps++;
            double tNew = finalStep ? t1 : t + h0;
            double hOld = h0;
            double rmax = Double.MIN_NORMAL;
            for (int i = 0; i < dim; i++) {
                double d0 = epsRel * (aY * Math.abs(y[i]) + aDydt * Math.abs(hOld * dydtOut[i])) + epsAbs;
                double r = Math.abs(yerr[i]) / Math.abs(d0);
                rmax = Math.max(r, rmax);
            }
            if (Double.isNaN(rmax)) {
                throw new SimulationException("the integration diverged at t = " + t + " ms (step " + hOld
                        + " ms): the state is not finite");
            }
            if (rmax > 1.1) {
                double r = Math.max(0.2, 0.9 / Math.pow(rmax, 1.0 / ORDER));
                h0 = r * hOld;
                if (h0 < hOld && t + h0 != t) {
                    System.arraycopy(y0, 0, y, 0, dim);
                    failedSteps++;
                    continue;
                }
                h0 = hOld; // the step cannot shrink any further: accepted, as GSL does
            } else if (rmax < 0.5) {
                double r = Math.min(5.0, Math.max(1.0, 0.9 / Math.pow(rmax, 1.0 / (ORDER + 1.0))));
                h0 = r * hOld;
            }
            h[0] = h0;
            return tNew;
        }
    }

    /** One Fehlberg step of size h from (t, y) with k1 = f(t, y) given; y becomes the fifth-order solution. */
    private void step(Rhs f, double t, double h, double[] y) {
        final int n = dim;
        for (int i = 0; i < n; i++) {
            ytmp[i] = y0[i] + B21 * h * k1[i];
        }
        f.derivatives(t + A2 * h, ytmp, k2);
        for (int i = 0; i < n; i++) {
            ytmp[i] = y0[i] + h * (B31 * k1[i] + B32 * k2[i]);
        }
        f.derivatives(t + A3 * h, ytmp, k3);
        for (int i = 0; i < n; i++) {
            ytmp[i] = y0[i] + h * (B41 * k1[i] + B42 * k2[i] + B43 * k3[i]);
        }
        f.derivatives(t + A4 * h, ytmp, k4);
        for (int i = 0; i < n; i++) {
            ytmp[i] = y0[i] + h * (B51 * k1[i] + B52 * k2[i] + B53 * k3[i] + B54 * k4[i]);
        }
        f.derivatives(t + h, ytmp, k5);
        for (int i = 0; i < n; i++) {
            ytmp[i] = y0[i] + h * (B61 * k1[i] + B62 * k2[i] + B63 * k3[i] + B64 * k4[i] + B65 * k5[i]);
        }
        f.derivatives(t + A6 * h, ytmp, k6);
        for (int i = 0; i < n; i++) {
            double d = C1 * k1[i] + C3 * k3[i] + C4 * k4[i] + C5 * k5[i] + C6 * k6[i];
            y[i] = y0[i] + h * d;
            yerr[i] = h * (E1 * k1[i] + E3 * k3[i] + E4 * k4[i] + E5 * k5[i] + E6 * k6[i]);
        }
        if (aDydt != 0) {
            f.derivatives(t + h, y, dydtOut); // only the y' control reads it
        }
    }
}
