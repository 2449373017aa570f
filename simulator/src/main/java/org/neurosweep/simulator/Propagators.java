package org.neurosweep.simulator;

/**
 * Exact integration of linear subthreshold dynamics over one step h (Rotter &amp; Diesmann 1999).
 *
 * <p>Membrane: dV/dt = -V/tau_m + I(t)/C_m, with V relative to E_L. For a synaptic current decaying with
 * tau_syn, let a = 1/tau_m - 1/tau_syn. Over one step:
 * <ul>
 *   <li>constant current I0: V gains {@code p30 = tau_m/C_m (1 - e^{-h/tau_m})} I0;</li>
 *   <li>exponential current I(0) e^{-t/tau_syn}: V gains
 *       {@code p32 = e^{-h/tau_m} (e^{a h} - 1) / (a C_m)} I(0), and h e^{-h/tau_m} / C_m when a = 0;</li>
 *   <li>alpha current (y1 = dI, y2 = I, y2' = y1 - y2/tau_syn): y1(0) adds
 *       {@code p31 = e^{-h/tau_m} (e^{a h}(a h - 1) + 1) / (a^2 C_m)}, h^2 e^{-h/tau_m} / (2 C_m) when a = 0.</li>
 * </ul>
 * Near a = 0 the closed forms cancel badly, so they are evaluated with expm1 and a series: the equal
 * time constant cases are exact, not special-cased by a threshold.
 */
final class Propagators {
    private Propagators() {
    }

    /** e^{-h/tau}. */
    static double decay(double h, double tau) {
        return Math.exp(-h / tau);
    }

    /** Constant current to membrane: tau_m/C_m (1 - e^{-h/tau_m}). */
    static double p30(double h, double tauM, double cM) {
        return -tauM / cM * Math.expm1(-h / tauM);
    }

    /** Exponential synaptic current to membrane. */
    static double p32(double h, double tauSyn, double tauM, double cM) {
        double a = 1 / tauM - 1 / tauSyn;
        double x = a * h;
        double expm1OverX = x == 0 ? 1 : Math.expm1(x) / x; // (e^x - 1)/x, stable for small x
        return Math.exp(-h / tauM) * h * expm1OverX / cM;
    }

    /** Alpha synaptic current's derivative state to membrane. */
    static double p31(double h, double tauSyn, double tauM, double cM) {
        double a = 1 / tauM - 1 / tauSyn;
        double x = a * h;
        double g; // (e^x (x - 1) + 1) / x^2, which tends to 1/2
        if (Math.abs(x) < 0.1) {
            // sum over k >= 2 of x^(k-2) (k-1)/k!
            g = 0;
            double term = 1;
            for (int k = 2; k < 20; k++) {
                term = k == 2 ? 0.5 : term * x / k;
                g += term * (k - 1);
            }
        } else {
            g = (Math.exp(x) * (x - 1) + 1) / (x * x);
        }
        return Math.exp(-h / tauM) * h * h * g / cM;
    }
}
