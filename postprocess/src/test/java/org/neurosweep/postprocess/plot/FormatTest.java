package org.neurosweep.postprocess.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Numbers for people: 3 significant digits, plain in [0.001, 100000), powers of ten with superscripts outside. */
class FormatTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "0.0193|0.0193",
        "1.242261494730397|1.24",
        "8.914345994718766E8|8.91×10⁸",
        "613000000|6.13×10⁸",
        "12.4|12.4",
        "124|124",
        "1240|1240",
        "1234.5|1230",
        "12400|12400",
        "99949|99900",
        "99999|10⁵",
        "2|2",
        "2.5|2.5",
        "1.245|1.25",
        "0.001|0.001",
        "0.000999|9.99×10⁻⁴",
        "1.2E-4|1.2×10⁻⁴",
        "1.0E6|10⁶",
        "0.5|0.5",
        "-0.5|−0.5",
        "-2390|−2390",
        "-8.9E-7|−8.9×10⁻⁷",
        "0|0",
        "-0.0|0",
        "1.0E-300|10⁻³⁰⁰"})
    void sig3(double value, String expected) {
        assertEquals(expected, Format.sig3(value));
    }

    @Test
    void nanAndInfinities() {
        assertEquals("–", Format.sig3(Double.NaN));
        assertEquals("∞", Format.sig3(Double.POSITIVE_INFINITY));
        assertEquals("−∞", Format.sig3(Double.NEGATIVE_INFINITY));
    }

    @Test
    void moreDigitsWhenAsked() {
        assertEquals("1.2423", Format.sig(1.242261494730397, 5));
        assertEquals("1", Format.sig(1.242261494730397, 1));
        assertThrows(IllegalArgumentException.class, () -> Format.sig(1, 0));
    }

    @Test
    void tickLabelsTakeTheDigitsThatKeepNeighboursApart() {
        assertEquals(List.of("10000", "10050", "10100"), Format.ticks(new double[] {10000, 10050, 10100}));
        assertEquals(List.of("0", "0.1", "0.2", "0.3"), Format.ticks(new double[] {0, 0.1, 0.2, 3 * 0.1}));
        assertEquals(List.of("1.0012", "1.0014"), Format.ticks(new double[] {1.0012, 1.0014}));
    }

    @Test
    void decadesAreWrittenAlikeOnceOneNeedsAnExponent() {
        assertEquals(List.of("10⁻⁵", "10⁻⁴", "10⁻³", "10⁻²"), Format.ticks(new double[] {1e-5, 1e-4, 1e-3, 1e-2}));
        assertEquals(List.of("0.1", "1", "10", "100"), Format.ticks(new double[] {0.1, 1, 10, 100}),
                "all plain: left plain");
        assertEquals(List.of("2×10⁻⁴", "5×10⁻⁴", "0.001"), Format.ticks(new double[] {2e-4, 5e-4, 1e-3}),
                "not all powers of ten: each as sig3 writes it");
    }

    @Test
    void countsAndUnits() {
        assertEquals("10,000", Format.count(10_000));
        assertEquals("−2,500", Format.count(-2500));
        assertEquals("rate_e (Hz)", Format.withUnit("rate_e", "Hz"));
        assertEquals("CV", Format.withUnit("CV", ""));
        assertEquals("CV", Format.withUnit("CV", null));
    }
}
