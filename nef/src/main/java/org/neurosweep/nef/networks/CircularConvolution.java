package org.neurosweep.nef.networks;

import java.util.Random;
import org.neurosweep.nef.EnsembleArray;
import org.neurosweep.nef.NefException;
import org.neurosweep.nef.NefStats;
import org.neurosweep.nef.Network;
import org.neurosweep.nef.Node;
import org.neurosweep.nef.Probe;
import org.neurosweep.nef.Simulator;

/**
 * Nengo's CircularConvolution network (see ../helper-notes/nef-networks.md section 1) and a benchmark of it.
 *
 * <p><b>The network.</b> c = a (*) b with c_k = sum_j a_j b_{(k - j) mod d} is computed in the Fourier domain
 * on the half spectrum: K = floor(d / 2) + 1 frequencies, P = 4 K products. {@link #transformA},
 * {@link #transformB} (P x d) map a and b to real and imaginary parts of their discrete Fourier transforms,
 * arranged so that the element-wise products p = (A a) .* (B b) hold, per frequency k, Re F Re G, Im F Im G,
 * Re F Im G and Im F Re G; {@link #transformOut} (d x P) forms Re(F G) and Im(F G) and takes the real inverse
 * transform. All P rows are kept, as Nengo keeps them (its helper that would drop the structurally zero
 * imaginary rows at DC and Nyquist changes nothing), so those products get neurons too. A {@link Product} of
 * P dimensions with input magnitude 2 x inputMagnitude multiplies; every connection inside has no synapse.
 * invertA / invertB use the conjugate spectrum of that input, which equals reversing its index mod d.
 *
 * <p><b>The benchmark</b> ({@link #run}). Two fixed unit vectors from the seed ({@link #vectors}: successive
 * {@link Random#nextGaussian()} values of {@code new java.util.Random(seed)}, the first d for a, the next d for
 * b, each divided by its Euclidean norm), constant nodes a and b into the convolution's inputs with Nengo's
 * default synapse (5 ms), the output probed with a 10 ms synapse, dt = 1 ms. The network (ensembles) is
 * seeded with the same seed. RMSE: for each dimension k, the root mean square of (probe - c_k) over the
 * samples with t >= 0.1 s, then the mean of those d values over dimensions (the per-dimension definition of
 * ../shared/notes/nef.md for the communication channel; no lag, as the target is constant).
 */
public final class CircularConvolution {
    private CircularConvolution() {
    }

    /**
     * The parts of a built convolution.
     *
     * @param inputA  passthrough node of a (d values)
     * @param inputB  passthrough node of b (d values)
     * @param output  passthrough node of the convolution (d values)
     * @param product the Product of P = 4 (d / 2 + 1) dimensions inside; its {@code sq1} and {@code sq2} are
     *                the two squaring ensemble arrays
     */
    public record Parts(Node inputA, Node inputB, Node output, Product.Parts product) {
        public EnsembleArray sq1() {
            return product.sq1();
        }

        public EnsembleArray sq2() {
            return product.sq2();
        }
    }

    /**
     * What one benchmark run gave.
     *
     * @param neurons    neurons in the network (P x 2 x max(1, neurons / 2))
     * @param dimensions d
     * @param rmse       mean over dimensions of the per-dimension RMSE against circconv(a, b), t >= 0.1 s
     * @param stats      build stages, run time, memory (of this process)
     */
    public record Result(long neurons, int dimensions, double rmse, NefStats stats, long fingerprint) {
    }

    /** P = 4 (floor(d / 2) + 1), the products the network multiplies. */
    public static int productDimensions(int d) {
        checkDimensions(d);
        return 4 * (d / 2 + 1);
    }

    /** The input transform of a (P x d); rows 4k..4k+3 are Re, Im, Re, Im of frequency k (conjugated if invert). */
    public static double[][] transformA(int d, boolean invert) {
        return inputTransform(d, invert, false);
    }

    /** The input transform of b (P x d); rows 4k..4k+3 are Re, Im, Im, Re of frequency k (conjugated if invert). */
    public static double[][] transformB(int d, boolean invert) {
        return inputTransform(d, invert, true);
    }

    private static double[][] inputTransform(int d, boolean invert, boolean isB) {
        int p = productDimensions(d);
        double[][] t = new double[p][d];
        double imSign = invert ? 1 : -1; // row k of the DFT is e^{-i theta}: Im = -sin theta; conjugate: +sin theta
        for (int k = 0; k < p / 4; k++) {
            for (int x = 0; x < d; x++) {
                double theta = angle(k, x, d);
                double re = Math.cos(theta);
                double im = imSign * Math.sin(theta);
                t[4 * k][x] = re;
                t[4 * k + 1][x] = im;
                t[4 * k + 2][x] = isB ? im : re;
                t[4 * k + 3][x] = isB ? re : im;
            }
        }
        return t;
    }

    /**
     * The output transform (d x P): c_x = (1 / d) sum_k w_k [(p0 - p1) cos theta - (p2 + p3) sin theta],
     * theta = 2 pi k x / d, w_k = 1 at DC and (d even) Nyquist, else 2.
     */
    public static double[][] transformOut(int d) {
        int p = productDimensions(d);
        double[][] t = new double[d][p];
        for (int k = 0; k < p / 4; k++) {
            double w = (k == 0 || 2 * k == d ? 1.0 : 2.0) / d;
            for (int x = 0; x < d; x++) {
                double theta = angle(k, x, d);
                double c = w * Math.cos(theta);
                double s = w * Math.sin(theta);
                t[x][4 * k] = c;
                t[x][4 * k + 1] = -c;
                t[x][4 * k + 2] = -s;
                t[x][4 * k + 3] = -s;
            }
        }
        return t;
    }

    /** 2 pi k x / d with k x reduced mod d first (exact integers, so the angle stays within [0, 2 pi)). */
    private static double angle(int k, int x, int d) {
        return 2 * Math.PI * (int) (((long) k * x) % d) / d;
    }

    /** c_k = sum_j a_j b_{(k - j) mod d}, directly (O(d^2)). */
    public static double[] circconv(double[] a, double[] b) {
        if (a.length != b.length || a.length == 0) {
            throw new NefException("circconv: a has " + a.length + " values and b " + b.length + "; they must agree and be at least 1");
        }
        int d = a.length;
        double[] c = new double[d];
        for (int k = 0; k < d; k++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                s += a[j] * b[Math.floorMod(k - j, d)];
            }
            c[k] = s;
        }
        return c;
    }

    /**
     * Builds the convolution into {@code net}: inputs a and b of d values, {@code neurons} per product
     * dimension (Nengo's n_neurons), inputs expected within {@code inputMagnitude}.
     */
    public static Parts build(Network net, String label, int neurons, int d, boolean invertA, boolean invertB, double inputMagnitude) {
        if (d < 1) {
            throw new NefException("circular convolution " + label + ": dimensions = " + d + " must be at least 1");
        }
        if (neurons < 1) {
            throw new NefException("circular convolution " + label + ": n_neurons = " + neurons + " must be at least 1");
        }
        if (!(inputMagnitude > 0) || Double.isInfinite(inputMagnitude)) {
            throw new NefException("circular convolution " + label + ": input_magnitude = " + inputMagnitude
                    + " must be a positive number");
        }
        Node a = net.passthrough(label + ".input_a", d);
        Node b = net.passthrough(label + ".input_b", d);
        Node out = net.passthrough(label + ".output", d);
        Product.Parts product = Product.build(net, label + ".product", neurons, productDimensions(d), 2 * inputMagnitude);
        net.connect(a, product.inputA()).transform(transformA(d, invertA)).synapse(0);
        net.connect(b, product.inputB()).transform(transformB(d, invertB)).synapse(0);
        net.connect(product.output(), out).transform(transformOut(d)).synapse(0);
        return new Parts(a, b, out, product);
    }

    /** The benchmark's fixed unit vectors {a, b} for d and seed (see the class comment). */
    public static double[][] vectors(int d, long seed) {
        checkDimensions(d);
        Random rng = new Random(seed);
        double[][] v = new double[2][d];
        for (double[] u : v) {
            double norm = 0;
            for (int i = 0; i < d; i++) {
                u[i] = rng.nextGaussian();
                norm += u[i] * u[i];
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < d; i++) {
                u[i] /= norm;
            }
        }
        return v;
    }

    /**
     * The benchmark: the convolution of the seed's two unit vectors ({@code neurons} per product dimension,
     * input magnitude 1), run for {@code seconds} (> 0.1 s) with {@code options}.
     */
    public static Result run(int d, int neurons, double seconds, long seed, RunOptions options) {
        checkDimensions(d);
        if (!(seconds > 0.1) || Double.isInfinite(seconds)) {
            throw new NefException("circular convolution benchmark: run time " + seconds + " s must exceed 0.1 s (the RMSE starts there)");
        }
        double[][] ab = vectors(d, seed);
        Network net = new Network(seed);
        Node a = net.constant("a", ab[0]);
        Node b = net.constant("b", ab[1]);
        Parts conv = build(net, "conv", neurons, d, false, false, 1.0);
        net.connect(a, conv.inputA()).synapse(0.005);
        net.connect(b, conv.inputB()).synapse(0.005);
        Probe p = net.probe(conv.output(), 0.01, 0);
        Simulator sim = options.simulator(net);
        sim.run(seconds);
        double rmse = rmse(sim.times(p), sim.data(p), circconv(ab[0], ab[1]), 0.1);
        return new Result(net.neurons(), d, rmse, sim.stats(), sim.fingerprint(p));
    }

    /** The mean over dimensions of the RMSE of out[n][k] against target[k] over samples with t[n] >= t0 (less 1e-9). */
    public static double rmse(double[] t, double[][] out, double[] target, double t0) {
        int d = target.length;
        double sum = 0;
        for (int k = 0; k < d; k++) {
            double se = 0;
            int count = 0;
            for (int n = 0; n < t.length; n++) {
                if (t[n] < t0 - 1e-9) {
                    continue;
                }
                double e = out[n][k] - target[k];
                se += e * e;
                count++;
            }
            if (count == 0) {
                throw new NefException("rmse: no sample at t >= " + t0 + " s");
            }
            sum += Math.sqrt(se / count);
        }
        return sum / d;
    }

    private static void checkDimensions(int d) {
        if (d < 1) {
            throw new NefException("circular convolution: dimensions = " + d + " must be at least 1");
        }
    }
}
