package org.neurosweep.simulator.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.neurosweep.simulator.BadParameterException;
import org.neurosweep.simulator.Resolution;
import org.neurosweep.simulator.Rng;

/** The noise_generator's modulated variance, read per connection stream without a network. */
class NoiseGeneratorVarianceTest {
    /**
     * The variance std^2 + std_mod^2 sin(2 pi f t + phase) (f in Hz, t in ms / 1000, phase in degrees), read
     * through the test hook over 20,000 connection streams: 2 pA^2 where the sine is 1, 0 where it is -1.
     */
    @Test
    void stdModModulatesTheVarianceWithFrequencyAndPhase() {
        NoiseGenerator g = prepared(new NoiseGenerator(1, Map.of("std", 1.0, "std_mod", 1.0, "frequency", 10.0, "dt", 0.1), 0));
        NoiseGenerator h = prepared(new NoiseGenerator(2, Map.of("std", 1.0, "std_mod", 1.0, "frequency", 10.0,
                "phase", 90.0, "dt", 0.1), 0));
        assertEquals(2.0, variance(g, 250), 0.1, "t = 25 ms: sin(pi / 2) = 1");
        assertEquals(0.0, variance(g, 750), 1e-12, "t = 75 ms: sin(3 pi / 2) = -1");
        assertEquals(1.0, variance(g, 1000), 0.05, "t = 100 ms: sin(2 pi) = 0");
        assertEquals(2.0, variance(h, 1000), 0.1, "phase 90 degrees: cos(2 pi) = 1");
        assertEquals(0.0, variance(h, 500), 1e-12, "phase 90 degrees: cos(pi) = -1");
        BadParameterException e = assertThrows(BadParameterException.class,
                () -> new NoiseGenerator(3, Map.of("std", 1.0, "std_mod", 2.0), 0));
        assertTrue(e.getMessage().contains("std_mod = 2.0 pA must not exceed std = 1.0 pA"), e.getMessage());
        e = assertThrows(BadParameterException.class, () -> new NoiseGenerator(3, Map.of("std", -1.0), 0));
        assertTrue(e.getMessage().contains("std = -1.0 pA must be finite and not negative"), e.getMessage());
    }

    /** The generator as the kernel has it right after create at step 0, with the default resolution 0.1 ms. */
    private static NoiseGenerator prepared(NoiseGenerator g) {
        g.prepare(new Resolution(0.1));
        return g;
    }

    private static double variance(NoiseGenerator g, long stamp) {
        double[] x = IntStream.range(0, 20000).mapToDouble(c -> g.currentAt(stamp, Rng.mix(c + 1L))).toArray();
        return Arrays.stream(x).map(v -> v * v).sum() / x.length; // mean 0
    }
}
