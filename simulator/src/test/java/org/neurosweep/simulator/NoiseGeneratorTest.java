package org.neurosweep.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.neurosweep.simulator.devices.MultimeterEvents;

/**
 * noise_generator as NEST's (notes §12, NEST 3.10's test_noise_generator.py). Most tests watch a "follower":
 * an iaf_psc_alpha with tau_m = 1 µs and C_m = 1 fF, whose V_m (E_L = 0) is the current it got in the step
 * before, to the last bit (R = tau_m / C_m = 1, exp(-h / tau_m) = e^-100).
 */
class NoiseGeneratorTest {
    private static final Map<String, Object> FOLLOWER = Map.of("C_m", 0.001, "tau_m", 0.001, "E_L", 0.0, "V_reset", 0.0,
            "V_th", 1e10);

    /**
     * NEST's statistics setup: mean 0, std 1 pA, dt 0.1 ms into an iaf_psc_alpha with V_th 1e10, C_m 1 pF,
     * tau_m 1 ms, E_L 0; 100 x Simulate(1000) reading V_m. The exactly integrated V_m's stationary standard
     * deviation is sqrt((1 - e) / (1 + e)) = 0.22351 mV with e = exp(-0.1) (the model doc's continuum formula
     * sqrt(dt tau_m / 2) std / C_m gives 0.22361; NEST's test expects the inverse, 4.47 mV, see
     * {@link NoiseGenerator}); the mean is 0. Both within 3 standard errors of 100 samples.
     */
    @Test
    void nestsStatisticsWithTheCorrectStationaryStandardDeviation() {
        try (Kernel k = Kernel.builder().build()) {
            NodeCollection n = k.create("iaf_psc_alpha", 1, Map.of("V_th", 1e10, "C_m", 1.0, "tau_m", 1.0, "E_L", 0.0));
            NodeCollection noise = k.create("noise_generator", 1, Map.of("mean", 0.0, "std", 1.0, "dt", 0.1));
            k.connect(noise, n);
            double[] v = new double[100];
            for (int i = 0; i < v.length; i++) {
                k.simulate(1000.0);
                v[i] = k.get(n.first(), "V_m");
            }
            double e = Math.exp(-0.1);
            double expected = Math.sqrt((1 - e) / (1 + e));
            assertEquals(0.22351, expected, 1e-5);
            double mean = Arrays.stream(v).average().orElseThrow();
            double std = Math.sqrt(Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / v.length);
            assertTrue(Math.abs(mean) < 3 * expected / Math.sqrt(v.length), "mean " + mean + " mV");
            assertTrue(Math.abs(std - expected) < 3 * expected / Math.sqrt(2.0 * v.length), "std " + std + " mV, expected " + expected);
        }
    }

    /**
     * mean 5, std 2 pA, dt 0.5 ms into two followers: each one's current is constant over every 5 steps and
     * changes at the same steps for both (the value stamped s, from s = 1, acts in step s + 10 for a delay of
     * 1 ms); their values differ, are uncorrelated, and have the mean and std asked for.
     */
    @Test
    void everyTargetGetsItsOwnCurrentSwitchingEveryDtAtTheSameSteps() {
        try (Kernel k = Kernel.builder().seed(7).build()) {
            NodeCollection n = k.create("iaf_psc_alpha", 2, FOLLOWER);
            NodeCollection noise = k.create("noise_generator", 1, Map.of("mean", 5.0, "std", 2.0, "dt", 0.5));
            NodeCollection vm = k.create("voltmeter", 1, Map.of("interval", 0.1));
            k.connect(noise, n);
            k.connect(vm, n);
            k.simulate(400.0);
            double[] a = trace(k.samples(vm), n.id(0));
            double[] b = trace(k.samples(vm), n.id(1));
            assertEquals(4000, a.length);
            for (int i = 0; i <= 10; i++) {
                assertEquals(0.0, a[i], 0.0, "no current before step 11, sample " + i);
            }
            int blocks = 0;
            double[] blockA = new double[a.length / 5];
            double[] blockB = new double[a.length / 5];
            for (int i = 11; i < a.length; i++) {
                if ((i - 11) % 5 == 0) {
                    assertNotEquals(a[i - 1], a[i], "a new value every dt, sample " + i);
                    assertNotEquals(b[i - 1], b[i], "both targets switch at the same step, sample " + i);
                    assertNotEquals(a[i], b[i], "each target draws its own value, sample " + i);
                    blockA[blocks] = a[i];
                    blockB[blocks++] = b[i];
                } else {
                    assertEquals(a[i - 1], a[i], 0.0, "constant within dt, sample " + i);
                    assertEquals(b[i - 1], b[i], 0.0, "constant within dt, sample " + i);
                }
            }
            double[] x = Arrays.copyOf(blockA, blocks);
            double[] y = Arrays.copyOf(blockB, blocks);
            assertTrue(Math.abs(correlation(x, y)) < 4 / Math.sqrt(blocks), "correlation " + correlation(x, y) + " of " + blocks);
            double mean = Arrays.stream(x).average().orElseThrow();
            double std = Math.sqrt(Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum() / blocks);
            assertEquals(5.0, mean, 4 * 2 / Math.sqrt(blocks), "mean current (pA)");
            assertEquals(2.0, std, 4 * 2 / Math.sqrt(2.0 * blocks), "std of the current (pA)");
        }
    }

    /** A connection's current is a function of the seed and the network only: 1 thread, 2 threads, 3 VPs alike. */
    @Test
    void theSameSeedGivesTheSameCurrentsForAnyThreadsAndVps() {
        double[] one = noisyTraces(Kernel.builder().seed(11).threads(1));
        assertArrayEquals(one, noisyTraces(Kernel.builder().seed(11).threads(2)), 0.0);
        assertArrayEquals(one, noisyTraces(Kernel.builder().seed(11).threads(1).virtualProcesses(3)), 0.0);
        assertFalse(Arrays.equals(one, noisyTraces(Kernel.builder().seed(12).threads(1))), "another seed, other currents");
    }

    private static double[] noisyTraces(KernelBuilder b) {
        try (Kernel k = b.build()) {
            NodeCollection n = k.create("iaf_psc_alpha", 6, Map.of("V_th", 1e10, "C_m", 1.0, "tau_m", 1.0, "E_L", 0.0));
            NodeCollection noise = k.create("noise_generator", 2, Map.of("mean", 1.0, "std", 1.0, "dt", 0.3, "std_mod", 0.5,
                    "frequency", 50.0));
            NodeCollection vm = k.create("voltmeter", 1, Map.of("interval", 0.1));
            k.connect(noise, n, ConnSpec.allToAll(), SynSpec.of(1.0, 0.5));
            k.connect(vm, n);
            k.simulate(50.0);
            return k.samples(vm).values("V_m");
        }
    }

    /**
     * SetStatus between simulate calls, as NEST: a new mean, std and dt take effect at the next draw (due
     * dt after the last one, with the old dt), then the new dt holds. dt 1 ms draws at stamps 1, 11, ..., 101;
     * the change at 10.5 ms (step 105) first draws at 111, then every 2 steps.
     */
    @Test
    void setStatusTakesEffectAtTheNextDraw() {
        try (Kernel k = Kernel.builder().build()) {
            NodeCollection n = k.create("iaf_psc_alpha", 1, FOLLOWER);
            NodeCollection noise = k.create("noise_generator", 1, Map.of("dt", 1.0));
            NodeCollection vm = k.create("voltmeter", 1, Map.of("interval", 0.1));
            k.connect(noise, n);
            k.connect(vm, n);
            k.simulate(10.5);
            BadParameterException e = assertThrows(BadParameterException.class, () -> k.set(noise, Map.of("mean", 1.0, "dt", 0.25)));
            assertTrue(e.getMessage().contains("dt = 0.25 ms must be a positive multiple of the resolution 0.1 ms"), e.getMessage());
            k.set(noise, Map.of("mean", 100.0, "std", 1.0, "dt", 0.2));
            k.simulate(10.0);
            double[] v = k.samples(vm).values("V_m");
            for (int i = 0; i < v.length; i++) {
                if (i <= 120) {
                    assertEquals(0.0, v[i], 0.0, "the old draws (mean 0, std 0) up to stamp 110, sample " + i);
                } else {
                    assertEquals(100.0, v[i], 5.0, "mean 100 from stamp 111, sample " + i);
                    if ((i - 121) % 2 == 0) {
                        assertNotEquals(v[i - 1], v[i], "a draw every 2 steps, sample " + i);
                    } else {
                        assertEquals(v[i - 1], v[i], 0.0, "constant within the new dt, sample " + i);
                    }
                }
            }
        }
    }

    /** dt must be a positive multiple of the resolution (NEST's StepMultipleRequired); by default it is 10 steps. */
    @Test
    void dtMustBeAPositiveMultipleOfTheResolution() {
        try (Kernel k = Kernel.builder().build()) {
            for (double dt : new double[] {0.25, 0.0, -0.1, 0.05}) {
                BadParameterException e = assertThrows(BadParameterException.class,
                        () -> k.create("noise_generator", 1, Map.of("dt", dt)));
                assertTrue(e.getMessage().contains("dt = " + dt + " ms must be a positive multiple of the resolution"), e.getMessage());
            }
            NodeCollection n = k.create("iaf_psc_alpha", 1, FOLLOWER);
            NodeCollection noise = k.create("noise_generator", 1, Map.of("std", 1.0));
            NodeCollection vm = k.create("voltmeter", 1, Map.of("interval", 0.1));
            k.connect(noise, n);
            k.connect(vm, n);
            k.simulate(10.0);
            double[] v = k.samples(vm).values("V_m");
            for (int i = 12; i < v.length; i++) {
                assertEquals((i - 11) % 10 == 0, v[i] != v[i - 1], "a new value every 10 steps by default, sample " + i);
            }
        }
    }

    /**
     * origin, start and stop as for every current generator: origin 2, start 1, stop 2 ms lets out the values
     * stamped 3.0 .. 3.9 ms, acting 1 ms later; a dc_generator with the same window acts on the same steps.
     */
    @Test
    void originStartAndStopAsForTheOtherCurrentGenerators() {
        try (Kernel k = Kernel.builder().build()) {
            NodeCollection n = k.create("iaf_psc_alpha", 2, FOLLOWER);
            Map<String, Object> window = Map.of("origin", 2.0, "start", 1.0, "stop", 2.0);
            NodeCollection noise = k.create("noise_generator", 1, merged(window, Map.of("mean", 3.0)));
            NodeCollection dc = k.create("dc_generator", 1, merged(window, Map.of("amplitude", 3.0)));
            NodeCollection vm = k.create("voltmeter", 1, Map.of("interval", 0.1));
            k.connect(noise, n.slice(0, 1));
            k.connect(dc, n.slice(1, 2));
            k.connect(vm, n);
            k.simulate(8.0);
            double[] a = trace(k.samples(vm), n.id(0));
            double[] b = trace(k.samples(vm), n.id(1));
            for (int i = 0; i < a.length; i++) {
                assertEquals(i >= 40 && i < 50 ? 3.0 : 0.0, a[i], 1e-12, "noise, sample " + i);
                assertEquals(a[i], b[i], 0.0, "dc, sample " + i);
            }
            BadParameterException e = assertThrows(BadParameterException.class,
                    () -> k.create("noise_generator", 1, Map.of("origin", 0.05)));
            assertTrue(e.getMessage().contains("noise_generator origin 0.05 ms is not a multiple of the resolution 0.1 ms"),
                    e.getMessage());
        }
    }

    private static Map<String, Object> merged(Map<String, Object> a, Map<String, Object> b) {
        Map<String, Object> m = new java.util.HashMap<>(a);
        m.putAll(b);
        return m;
    }

    /** One neuron's samples, in time order. */
    static double[] trace(MultimeterEvents e, int sender) {
        double[] v = e.values("V_m");
        return IntStream.range(0, e.size()).filter(i -> e.senders()[i] == sender).mapToDouble(i -> v[i]).toArray();
    }

    private static double correlation(double[] x, double[] y) {
        double mx = Arrays.stream(x).average().orElseThrow();
        double my = Arrays.stream(y).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
