package org.neurosweep.samples.networks;

/**
 * Welch's estimate of the power spectral density of a signal sampled every {@code dtMs}: the mean
 * subtracted, Hann-windowed segments of {@code segment} samples overlapping by half, each's periodogram
 * averaged, one-sided. Power is in (signal unit)^2 / Hz; for a population rate in Hz, Hz.
 *
 * @param frequencies Hz, from 0 to the Nyquist frequency, {@code segment / 2 + 1} of them
 * @param power       the density at each frequency
 */
public record PowerSpectrum(double[] frequencies, double[] power) {

    /** Welch's estimate; a signal shorter than {@code segment} is analysed as one segment of its own length. */
    public static PowerSpectrum welch(double[] signal, double dtMs, int segment) {
        if (signal.length < 4 || !(dtMs > 0)) {
            throw new IllegalArgumentException("a spectrum needs at least 4 samples and a positive step; got "
                    + signal.length + " samples every " + dtMs + " ms");
        }
        int m = Math.min(segment, signal.length);
        double mean = 0;
        for (double v : signal) {
            mean += v;
        }
        mean /= signal.length;
        double[] window = new double[m];
        double windowPower = 0;
        for (int i = 0; i < m; i++) {
            window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / m);
            windowPower += window[i] * window[i];
        }
        double fs = 1000.0 / dtMs;
        int bins = m / 2 + 1;
        double[] power = new double[bins];
        int step = Math.max(1, m / 2);
        int segments = 0;
        double[] re = new double[m];
        double[] im = new double[m];
        for (int start = 0; start + m <= signal.length; start += step) {
            for (int i = 0; i < m; i++) {
                re[i] = (signal[start + i] - mean) * window[i];
                im[i] = 0;
            }
            Fft.transform(re, im);
            for (int k = 0; k < bins; k++) {
                double p = (re[k] * re[k] + im[k] * im[k]) / (fs * windowPower);
                power[k] += k == 0 || (m % 2 == 0 && k == m / 2) ? p : 2 * p;
            }
            segments++;
        }
        double[] f = new double[bins];
        for (int k = 0; k < bins; k++) {
            power[k] /= segments;
            f[k] = k * fs / m;
        }
        return new PowerSpectrum(f, power);
    }

    /**
     * The oscillation's frequency (Hz): the lowest frequency from {@code minHz} up whose density is a local
     * maximum of at least half the highest density there. A train of volleys has equal peaks at its
     * frequency and every harmonic; this picks the fundamental. NaN if no density is above zero.
     */
    public double peakHz(double minHz) {
        double max = 0;
        for (int k = 0; k < power.length; k++) {
            if (frequencies[k] >= minHz) {
                max = Math.max(max, power[k]);
            }
        }
        if (max <= 0) {
            return Double.NaN;
        }
        for (int k = 0; k < power.length; k++) {
            boolean localMax = (k == 0 || power[k] >= power[k - 1]) && (k == power.length - 1 || power[k] >= power[k + 1]);
            if (frequencies[k] >= minHz && localMax && power[k] >= 0.5 * max) {
                return frequencies[k];
            }
        }
        return Double.NaN;
    }

    /** Discrete Fourier transform in place: radix-2 when the length is a power of two, direct otherwise. */
    static final class Fft {
        private Fft() {
        }

        static void transform(double[] re, double[] im) {
            int n = re.length;
            if (Integer.bitCount(n) != 1) {
                direct(re, im);
                return;
            }
            for (int i = 1, j = 0; i < n; i++) {
                int bit = n >> 1;
                for (; (j & bit) != 0; bit >>= 1) {
                    j ^= bit;
                }
                j ^= bit;
                if (i < j) {
                    double t = re[i];
                    re[i] = re[j];
                    re[j] = t;
                    t = im[i];
                    im[i] = im[j];
                    im[j] = t;
                }
            }
            for (int len = 2; len <= n; len <<= 1) {
                double angle = -2 * Math.PI / len;
                for (int i = 0; i < n; i += len) {
                    for (int k = 0; k < len / 2; k++) {
                        double c = Math.cos(angle * k);
                        double s = Math.sin(angle * k);
                        int a = i + k;
                        int b = a + len / 2;
                        double xr = re[b] * c - im[b] * s;
                        double xi = re[b] * s + im[b] * c;
                        re[b] = re[a] - xr;
                        im[b] = im[a] - xi;
                        re[a] += xr;
                        im[a] += xi;
                    }
                }
            }
        }

        private static void direct(double[] re, double[] im) {
            int n = re.length;
            double[] or = new double[n];
            double[] oi = new double[n];
            for (int k = 0; k < n; k++) {
                for (int t = 0; t < n; t++) {
                    double a = -2 * Math.PI * k * t / n;
                    or[k] += re[t] * Math.cos(a) - im[t] * Math.sin(a);
                    oi[k] += re[t] * Math.sin(a) + im[t] * Math.cos(a);
                }
            }
            System.arraycopy(or, 0, re, 0, n);
            System.arraycopy(oi, 0, im, 0, n);
        }
    }
}
