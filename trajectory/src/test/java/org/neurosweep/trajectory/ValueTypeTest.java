package org.neurosweep.trajectory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ValueTypeTest {
    @Test
    void widensIntegersOnly() {
        assertEquals(5L, ValueType.LONG.coerce(5, "x"));
        assertEquals(5.0, ValueType.DOUBLE.coerce(5L, "x"));
        TypeMismatchException e = assertThrows(TypeMismatchException.class, () -> ValueType.INT.coerce(5.5, "net.g"));
        assertTrue(e.getMessage().contains("net.g") && e.getMessage().contains("5.5"), e.getMessage());
        assertThrows(TypeMismatchException.class, () -> ValueType.INT.coerce(5L, "x"));
    }

    @Test
    void parsesText() {
        assertEquals(true, ValueType.BOOLEAN.parse("True", "b"));
        assertEquals(-3, ValueType.INT.parse(" -3 ", "i"));
        assertEquals(2.5, ValueType.DOUBLE.parse("2.5", "d"));
        TypeMismatchException e = assertThrows(TypeMismatchException.class, () -> ValueType.BOOLEAN.parse("yes", "--set b=yes"));
        assertTrue(e.getMessage().contains("true or false"), e.getMessage());
        assertThrows(TypeMismatchException.class, () -> ValueType.DOUBLE_ARRAY.parse("1,2", "a"));
    }

    @Test
    void labelsRoundTrip() {
        for (ValueType t : ValueType.values()) {
            assertEquals(t, ValueType.fromLabel(t.label()));
        }
        assertThrows(UnsupportedValueTypeException.class, () -> ValueType.fromLabel("float"));
        assertTrue(ValueType.STRING.isScalar());
        assertFalse(ValueType.INT_ARRAY.isScalar());
    }
}
