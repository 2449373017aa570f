package org.neurosweep.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurosweep.trajectory.ValueType;

class SweepTest {

    static List<Object> column(Sweep s, int c) {
        List<Object> out = new ArrayList<>();
        for (long i = 0; i < s.size(); i++) {
            out.add(s.value(i, c));
        }
        return out;
    }

    @Test
    void valuesKeepOrderAndType() {
        Sweep s = Sweep.values("x", 1, 2, 3);
        assertEquals(List.of(1, 2, 3), column(s, 0));
        assertEquals(List.of(ValueType.INT), s.types());
        Sweep mixed = Sweep.values("g", 3, 4.5, 6L);
        assertEquals(List.of(3.0, 4.5, 6.0), column(mixed, 0));
        assertEquals(ValueType.DOUBLE, mixed.types().get(0));
        Sweep strings = Sweep.values("model", List.of("a", "b"));
        assertEquals(List.of("a", "b"), column(strings, 0));
    }

    @Test
    void linspaceIncludesBothEnds() {
        Sweep s = Sweep.linspace("g", 0, 1, 5);
        assertEquals(List.of(0.0, 0.25, 0.5, 0.75, 1.0), column(s, 0));
        assertEquals(List.of(3.0), column(Sweep.linspace("g", 3, 7, 1), 0));
        Sweep tenth = Sweep.linspace("g", 0, 0.3, 4);
        assertEquals(0.3, tenth.value(3, 0));
    }

    @Test
    void arangeExcludesStopAsNumpy() {
        assertEquals(List.of(0, 1, 2, 3), column(Sweep.arange("y", 0, 4, 1), 0));
        assertEquals(List.of(10, 7, 4, 1), column(Sweep.arange("y", 10, 0, -3), 0));
        assertEquals(List.of(0, 3), column(Sweep.arange("y", 0, 5, 3), 0));
        assertEquals(List.of(5L, 6L), column(Sweep.arange("y", 5L, 7L, 1L), 0));
        Sweep d = Sweep.arange("eta", 1.0, 2.0, 0.25);
        assertEquals(List.of(1.0, 1.25, 1.5, 1.75), column(d, 0));
        assertEquals(10, Sweep.arange("eta", 0.0, 1.0, 0.1).size());
    }

    @Test
    void productChangesTheFirstParameterSlowest() {
        Sweep s = Sweep.product(Sweep.values("x", 1, 2), Sweep.values("y", "a", "b", "c"));
        assertEquals(6, s.size());
        assertEquals(List.of("x", "y"), s.names());
        assertEquals(List.of(1, 1, 1, 2, 2, 2), column(s, 0));
        assertEquals(List.of("a", "b", "c", "a", "b", "c"), column(s, 1));
        Sweep three = Sweep.values("a", 0, 1).times(Sweep.values("b", 0, 1)).times(Sweep.values("c", 0, 1));
        StringBuilder bits = new StringBuilder();
        for (Iterator<RunPoint> it = three.points(); it.hasNext(); ) {
            RunPoint p = it.next();
            bits.append(p.value("a")).append(p.value("b")).append(p.value("c")).append(' ');
        }
        assertEquals("000 001 010 011 100 101 110 111 ", bits.toString());
    }

    @Test
    void zipGoesSideBySide() {
        Sweep s = Sweep.zip(Sweep.values("x", 1, 2, 3), Sweep.linspace("y", 0, 1, 3));
        assertEquals(3, s.size());
        assertEquals(List.of(1, 2, 3), column(s, 0));
        assertEquals(List.of(0.0, 0.5, 1.0), column(s, 1));
        assertEquals(new RunPoint(1, List.of("x", "y"), Arrays.asList(2, 0.5)), s.point(1));
    }

    @Test
    void uniformIsReproducibleFromTheSeedAndInBounds() {
        Sweep a = Sweep.uniform(1000, 5, Interval.of("g", 3, 8), Interval.of("eta", 1, 4));
        Sweep b = Sweep.uniform(1000, 5, Interval.of("g", 3, 8), Interval.of("eta", 1, 4));
        Sweep c = Sweep.uniform(1000, 6, Interval.of("g", 3, 8), Interval.of("eta", 1, 4));
        assertEquals(column(a, 0), column(b, 0));
        assertNotEquals(column(a, 0), column(c, 0));
        double sum = 0;
        for (Object v : column(a, 0)) {
            double x = (Double) v;
            assertTrue(x >= 3 && x < 8, "out of [3, 8): " + x);
            sum += x;
        }
        assertEquals(5.5, sum / 1000, 0.25, "mean of U[3,8)");
        assertNotEquals(column(a, 0), column(a, 1), "columns are independent");
    }

    @Test
    void latinHypercubePutsOnePointInEveryStratum() {
        int n = 50;
        Sweep s = Sweep.latinHypercube(n, 11, Interval.of("a", 0, 1), Interval.of("b", -5, 5));
        for (int c = 0; c < 2; c++) {
            double low = c == 0 ? 0 : -5;
            double width = c == 0 ? 1 : 10;
            boolean[] hit = new boolean[n];
            for (Object v : column(s, c)) {
                int stratum = (int) Math.floor(((Double) v - low) / width * n);
                assertTrue(!hit[stratum], "stratum " + stratum + " hit twice in column " + c);
                hit[stratum] = true;
            }
        }
        assertEquals(column(s, 0), column(Sweep.latinHypercube(n, 11, Interval.of("a", 0, 1), Interval.of("b", -5, 5)), 0));
    }

    @Test
    void emptyListIsAnError() {
        SweepException e = assertThrows(SweepException.class, () -> Sweep.values("x", List.of()));
        assertTrue(e.getMessage().contains("'x'") && e.getMessage().contains("empty"), e.getMessage());
        assertThrows(SweepException.class, () -> Sweep.values("x"));
        assertThrows(SweepException.class, () -> Sweep.arange("x", 0, 0, 1));
        assertThrows(SweepException.class, () -> Sweep.arange("x", 0, 5, -1));
        assertThrows(SweepException.class, () -> Sweep.arange("x", 0, 5, 0));
        assertThrows(SweepException.class, () -> Sweep.linspace("x", 0, 5, 0));
    }

    @Test
    void zipOfUnequalLengthsNamesBothLengths() {
        SweepException e = assertThrows(SweepException.class,
                () -> Sweep.zip(Sweep.values("x", 1, 2, 3), Sweep.values("y", 1, 2)));
        assertTrue(e.getMessage().contains("[x]: 3") && e.getMessage().contains("[y]: 2"), e.getMessage());
    }

    @Test
    void duplicateNamesAreAnError() {
        SweepException e = assertThrows(SweepException.class,
                () -> Sweep.product(Sweep.values("x", 1), Sweep.values("x", 2)));
        assertTrue(e.getMessage().contains("'x' appears twice"), e.getMessage());
        assertThrows(SweepException.class, () -> Sweep.zip(Sweep.values("x", 1), Sweep.values("x", 2)));
    }

    @Test
    void invalidIdentifiersAreAnError() {
        SweepException e = assertThrows(SweepException.class, () -> Sweep.values("net.2g", 1));
        assertTrue(e.getMessage().contains("'2g'"), e.getMessage());
        assertThrows(SweepException.class, () -> Sweep.values("g-1", 1));
        assertThrows(SweepException.class, () -> Sweep.linspace("", 0, 1, 2));
        assertThrows(SweepException.class, () -> Interval.of("x y", 0, 1));
    }

    @Test
    void mixedTypesAndBadValuesAreErrors() {
        SweepException e = assertThrows(SweepException.class, () -> Sweep.values("x", 1, "two"));
        assertTrue(e.getMessage().contains("two") && e.getMessage().contains("int"), e.getMessage());
        assertThrows(SweepException.class, () -> Sweep.values("x", 1, null));
        assertThrows(SweepException.class, () -> Sweep.values("x", 1.5f));
        assertThrows(SweepException.class, () -> Interval.of("x", 1, 1));
        assertThrows(SweepException.class, () -> Interval.of("x", 0, Double.POSITIVE_INFINITY));
        assertThrows(SweepException.class, () -> Sweep.uniform(0, 1, Interval.of("x", 0, 1)));
        assertThrows(SweepException.class, () -> Sweep.uniform(3, 1));
    }

    @Test
    void pointsOutsideTheSweepAreErrors() {
        Sweep s = Sweep.values("x", 1, 2);
        assertThrows(SweepException.class, () -> s.value(2, 0));
        assertThrows(SweepException.class, () -> s.value(0, 1));
        assertThrows(SweepException.class, () -> s.point(0).value("y"));
    }
}
