package org.neurosweep.storage;

import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.neurosweep.trajectory.ValueType;

/**
 * What {@code ls} shows of a dataset's values, true for every element: all of them when there are few,
 * otherwise a summary (min..max for numbers, counts for booleans and coded columns such as the run status,
 * the first few for text). Columns longer than {@value #MAX_READ} elements are not read, so a huge file
 * lists in a moment.
 */
final class ListedValues {
    /** Arrays up to this length are shown whole. */
    static final int SHOW_ALL = 8;
    /** Text columns show this many values, then "…". */
    static final int SHOW_FIRST = 3;
    /** Longer columns are described by type and shape only. */
    static final long MAX_READ = 1_000_000;

    private ListedValues() {
    }

    /** "= ..." for the dataset, or "" when nothing is worth reading (empty, or too long). */
    static String of(Dataset d, ValueType type) {
        if (d.isScalar()) {
            return "= " + ValueType.format(JhdfValues.value(d, type));
        }
        if (d.getSize() == 0 || d.getSize() > MAX_READ || d.getDimensions().length != 1) {
            return "";
        }
        if (d.getJavaType() == String.class && d.getSize() > SHOW_ALL) {
            // a long text column (the error texts, say): read only what is shown
            String[] shown = (String[]) JhdfValues.column(GlobalHeapCheck.data(d, new long[] {0}, new int[] {SHOW_FIRST}), ValueType.STRING);
            return "= " + first(shown, SHOW_FIRST, d.getSize());
        }
        Object data = JhdfValues.column(GlobalHeapCheck.data(d), ValueType.STRING); // checks texts only
        Attribute labels = d.getAttribute(Layout.ATTR_LABELS);
        if (labels != null && data instanceof byte[] codes) {
            return "= " + counts(codes, ((String) GlobalHeapCheck.data(labels)).split(","));
        }
        if (type == ValueType.BOOLEAN && data instanceof byte[] flags) {
            return "= " + booleans(flags);
        }
        int n = Array.getLength(data);
        if (data instanceof String[] text) {
            return "= " + first(text, n, n);
        }
        if (n <= SHOW_ALL) {
            return "= " + first(data, n, n);
        }
        return "= " + range(data);
    }

    /** "2 completed, 1 failed": how many elements have each code, in code order, zero counts left out. */
    private static String counts(byte[] codes, String[] labels) {
        long[] count = new long[256];
        for (byte c : codes) {
            count[c & 0xff]++;
        }
        StringJoiner out = new StringJoiner(", ");
        for (int c = 0; c < count.length; c++) {
            if (count[c] > 0) {
                out.add(count[c] + " " + (c < labels.length ? labels[c] : "code " + c));
            }
        }
        return out.toString();
    }

    private static String booleans(byte[] flags) {
        if (flags.length <= SHOW_ALL) {
            List<String> all = new ArrayList<>();
            for (byte f : flags) {
                all.add(String.valueOf(f != 0));
            }
            return all.toString();
        }
        long trues = 0;
        for (byte f : flags) {
            trues += f != 0 ? 1 : 0;
        }
        return trues + " true, " + (flags.length - trues) + " false";
    }

    /** The first {@code k} of {@code total} elements as [a, b, …]. */
    private static String first(Object data, int k, long total) {
        StringJoiner out = new StringJoiner(", ", "[", "]");
        for (int i = 0; i < k; i++) {
            out.add(String.valueOf(Array.get(data, i)));
        }
        if (k < total) {
            out.add("…");
        }
        return out.toString();
    }

    /** "min..max" of a numeric array, with how many are NaN. */
    private static String range(Object data) {
        if (data instanceof long[] longs) { // exact, as doubles would not be beyond 2^53
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (long v : longs) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            return min + ".." + max;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int nan = 0;
        int n = Array.getLength(data);
        for (int i = 0; i < n; i++) {
            double v = ((Number) Array.get(data, i)).doubleValue();
            if (Double.isNaN(v)) {
                nan++;
            } else {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (nan == n) {
            return "all NaN";
        }
        String nans = nan == 0 ? "" : " (" + nan + " NaN)";
        boolean whole = !(data instanceof double[] || data instanceof float[]);
        return number(min, whole) + ".." + number(max, whole) + nans;
    }

    private static String number(double v, boolean whole) {
        return whole ? String.valueOf((long) v) : String.valueOf(v);
    }
}
