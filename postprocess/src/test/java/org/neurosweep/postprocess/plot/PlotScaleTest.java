package org.neurosweep.postprocess.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Scales: which one {@link Scale#choose} picks, their ticks, and the odd ranges. */
class PlotScaleTest {
    @Test
    void choosesLogForPositiveValuesSpanningAFactorOfFifty() {
        assertTrue(Scale.choose(0.5, 3, 300).isLog());
        assertFalse(Scale.choose(1, 2, 3).isLog());
        assertTrue(Scale.choose(1, 50).isLog(), "50 times is enough");
        assertFalse(Scale.choose(1, 49.9).isLog());
        assertFalse(Scale.choose(0, 1, 300).isLog(), "0 has no place on a log scale");
        assertFalse(Scale.choose(-1, 300).isLog());
    }

    @Test
    void choiceIgnoresNanAndInfinity() {
        Scale s = Scale.choose(Double.NaN, 0.5, Double.POSITIVE_INFINITY, 300, Double.NaN);
        assertTrue(s.isLog());
        assertEquals(0.5, s.min());
        assertEquals(300, s.max());
        Scale none = Scale.choose(Double.NaN, Double.NaN);
        assertEquals(0, none.min());
        assertEquals(1, none.max());
    }

    @Test
    void logTicksAreDecades() {
        assertArrayEquals(new double[] {1, 10, 100}, Scale.log(0.5, 300).ticks());
        assertArrayEquals(new double[] {0.1, 1, 10, 100, 1000}, Scale.log(0.0193, 2390).ticks());
        assertArrayEquals(new double[] {1e-6, 1e-5, 1e-4, 1e-3}, Scale.log(8e-7, 2e-3).ticks());
    }

    @Test
    void logTicksAddTwoAndFiveWhenFewerThanThreeDecades() {
        assertArrayEquals(new double[] {1, 2, 5, 10, 20, 50}, Scale.log(1, 50).ticks());
        assertArrayEquals(new double[] {5, 10}, Scale.log(3, 18).ticks());
        double[] narrow = Scale.log(3, 4.5).ticks(); // no 1-2-5 mark inside: linear ticks
        assertTrue(narrow.length >= 2, Arrays.toString(narrow));
    }

    @Test
    void linearTicksAreMultiplesOfOneTwoOrFiveTimesAPowerOfTen() {
        double[][] ranges = {{0, 1}, {0, 2.4}, {0.3, 9.7}, {-3, 3}, {10000, 10300}, {0.0193, 2390}, {1, 3}, {-0.02, 0.07},
            {0, 840}, {1e-9, 3e-9}};
        for (double[] r : ranges) {
            double[] ticks = Scale.linear(r[0], r[1]).ticks();
            assertTrue(ticks.length >= 3 && ticks.length <= 7, Arrays.toString(r) + " -> " + Arrays.toString(ticks));
            double step = ticks[1] - ticks[0];
            double mantissa = step / Math.pow(10, Math.floor(Math.log10(step) + 1e-9));
            assertTrue(Math.abs(mantissa - 1) < 1e-6 || Math.abs(mantissa - 2) < 1e-6 || Math.abs(mantissa - 5) < 1e-6,
                    Arrays.toString(r) + " step " + step);
            for (double t : ticks) {
                assertTrue(t >= r[0] - 1e-12 && t <= r[1] + 1e-12, t + " in " + Arrays.toString(r));
            }
        }
        assertArrayEquals(new double[] {0, 0.2, 0.4, 0.6, 0.8, 1}, Scale.linear(0, 1).ticks(), 1e-12);
    }

    @Test
    void mapsToTheUnitInterval() {
        assertEquals(0.5, Scale.linear(2, 4).fraction(3), 1e-12);
        assertEquals(0.5, Scale.log(1, 100).fraction(10), 1e-12);
        assertEquals(10, Scale.log(1, 100).value(0.5), 1e-9);
        assertTrue(Double.isNaN(Scale.linear(0, 1).fraction(Double.NaN)));
        assertTrue(Double.isNaN(Scale.log(1, 100).fraction(0)), "0 has no place on a log scale");
    }

    @Test
    void aConstantRangeIsWidened() {
        Scale s = Scale.choose(5, 5, Double.NaN, 5);
        assertTrue(s.min() < 5 && s.max() > 5);
        assertEquals(0.5, s.fraction(5), 1e-12);
        assertTrue(s.ticks().length >= 2);
        Scale zero = Scale.linear(0, 0);
        assertEquals(-1, zero.min());
        assertEquals(1, zero.max());
        Scale log = Scale.log(7, 7);
        assertEquals(0.5, log.fraction(7), 1e-12);
        assertTrue(log.ticks().length >= 2);
    }

    @Test
    void niceWidensToTickValues() {
        Scale s = Scale.linear(0.3, 9.7).nice();
        assertEquals(0, s.min(), 1e-12);
        assertEquals(10, s.max(), 1e-12);
        Scale log = Scale.log(0.38, 390).nice();
        assertEquals(0.2, log.min(), 1e-12);
        assertEquals(500, log.max(), 1e-9);
    }

    @Test
    void badRangesAreRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Scale.linear(2, 1));
        assertTrue(e.getMessage().contains("2.0 .. 1.0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Scale.log(0, 1));
        assertThrows(IllegalArgumentException.class, () -> Scale.linear(0, Double.NaN));
    }
}
