package org.neurosweep.postprocess.plot;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Numbers written for people: few significant digits, a real minus sign and real superscripts. */
public final class Format {
    /** U+2212, the minus sign; a hyphen is too short beside digits. */
    public static final String MINUS = "\u2212";
    /** What a missing value (NaN) is written as: an en dash. */
    public static final String MISSING = "\u2013";

    private static final BigDecimal PLAIN_FROM = new BigDecimal("0.001");
    private static final BigDecimal PLAIN_BELOW = new BigDecimal("100000");
    private static final String SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    private Format() {
    }

    /** {@code v} with 3 significant digits: see {@link #sig(double, int)}. */
    public static String sig3(double v) {
        return sig(v, 3);
    }

    /**
     * {@code v} rounded (half up) to {@code digits} significant digits, without trailing zeros after the
     * decimal point. Plain when the rounded magnitude is in [0.001, 100000): 0.0193, 1.24, 2, 2.5, 1240,
     * 12400; otherwise m×10ⁿ with a superscript exponent: 8.91×10⁸, 1.2×10⁻⁴, and 10⁶ when m is 1.
     * A negative number starts with a minus sign (U+2212), zero is "0", NaN is "–" (an en dash) and the
     * infinities are "∞" and "−∞".
     *
     * @throws IllegalArgumentException if {@code digits} is not in 1..17
     */
    public static String sig(double v, int digits) {
        if (digits < 1 || digits > 17) {
            throw new IllegalArgumentException("significant digits must be in 1..17, not " + digits);
        }
        if (Double.isNaN(v)) {
            return MISSING;
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : MINUS + "∞";
        }
        if (v == 0) {
            return "0";
        }
        BigDecimal r = round(Math.abs(v), digits);
        String sign = v < 0 ? MINUS : "";
        if (r.compareTo(PLAIN_FROM) >= 0 && r.compareTo(PLAIN_BELOW) < 0) {
            return sign + r.toPlainString();
        }
        int exponent = r.precision() - r.scale() - 1;
        String mantissa = r.movePointLeft(exponent).stripTrailingZeros().toPlainString();
        return sign + ("1".equals(mantissa) ? "" : mantissa + "×") + "10" + superscript(exponent);
    }

    /**
     * Labels for tick values: each with 3 significant digits, or as many more as it takes to write every
     * tick exactly enough that neighbours differ (10000, 10050, 10100 rather than 10000, 10100, 10100).
     * When the ticks are all powers of ten and some need an exponent, all are written as powers of ten
     * (10⁻⁵, 10⁻⁴, 0.001 would mix two styles along one axis).
     */
    public static List<String> ticks(double[] values) {
        double[] sorted = Arrays.stream(values).filter(Double::isFinite).sorted().distinct().toArray();
        double gap = Double.POSITIVE_INFINITY;
        for (int i = 1; i < sorted.length; i++) {
            gap = Math.min(gap, sorted[i] - sorted[i - 1]);
        }
        double tolerance = 1e-6 * (Double.isInfinite(gap) ? 1 : gap);
        int digits = 3;
        while (digits < 17 && !exactEnough(values, digits, tolerance)) {
            digits++;
        }
        List<String> labels = new ArrayList<>(values.length);
        for (double v : values) {
            labels.add(sig(v, digits));
        }
        if (labels.stream().anyMatch(l -> l.matches(".*10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+"))
                && Arrays.stream(values).allMatch(Format::isPowerOfTen)) {
            for (int i = 0; i < values.length; i++) { // one style along the axis: 10⁻², 10⁻¹, 10⁰, 10¹
                labels.set(i, "10" + superscript((int) Math.round(Math.log10(values[i]))));
            }
        }
        return labels;
    }

    private static boolean isPowerOfTen(double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            return false;
        }
        double k = Math.rint(Math.log10(v));
        return Math.abs(v / Math.pow(10, k) - 1) < 1e-9;
    }

    /** A whole number with thousands separated by commas: 10,000. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n).replace("-", MINUS);
    }

    /** "quantity (unit)", or just the quantity when the unit is null or blank. */
    public static String withUnit(String quantity, String unit) {
        return unit == null || unit.isBlank() ? quantity : quantity + " (" + unit + ")";
    }

    /** An integer in superscript digits, with a superscript minus: ⁻⁴. */
    static String superscript(int n) {
        StringBuilder out = new StringBuilder(n < 0 ? "⁻" : "");
        for (char c : Integer.toString(Math.abs(n)).toCharArray()) {
            out.append(SUPERSCRIPT_DIGITS.charAt(c - '0'));
        }
        return out.toString();
    }

    private static boolean exactEnough(double[] values, int digits, double tolerance) {
        for (double v : values) {
            if (Double.isFinite(v) && v != 0 && round(Math.abs(v), digits).subtract(BigDecimal.valueOf(Math.abs(v)))
                    .abs().doubleValue() > tolerance) {
                return false;
            }
        }
        return true;
    }

    private static BigDecimal round(double magnitude, int digits) {
        // valueOf goes through the shortest decimal that reads back as the double, so 1.245 rounds up
        return BigDecimal.valueOf(magnitude).round(new MathContext(digits, RoundingMode.HALF_UP)).stripTrailingZeros();
    }
}
