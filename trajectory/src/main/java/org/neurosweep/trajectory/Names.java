package org.neurosweep.trajectory;

import java.util.ArrayList;
import java.util.List;

/**
 * Dotted paths: every segment is an identifier ({@code [A-Za-z_][A-Za-z0-9_]*}); in run-scoped names
 * the wildcards {@code $} (the current run, {@code run_%08d}) and {@code $set} (its bucket,
 * {@code run_set_%05d}) may stand as whole segments.
 */
public final class Names {
    /** The wildcard for the current run's name. */
    public static final String RUN_WILDCARD = "$";
    /** The wildcard for the current run's bucket. */
    public static final String SET_WILDCARD = "$set";

    private Names() {
    }

    /**
     * Splits a dotted path into its segments, checking each is an identifier.
     *
     * @throws InvalidNameException naming the path and the bad segment
     */
    public static List<String> split(String path) {
        List<String> segments = splitAllowingWildcards(path);
        for (String s : segments) {
            if (isWildcard(s)) {
                throw new OutsideRunException("'" + path + "' uses the run wildcard '" + s
                        + "', which only has a meaning inside a run");
            }
        }
        return segments;
    }

    /** Like {@link #split} but lets {@code $} and {@code $set} stand as segments. */
    public static List<String> splitAllowingWildcards(String path) {
        if (path == null || path.isEmpty()) {
            throw new InvalidNameException("a name may not be empty; names are dotted identifiers such as net.g");
        }
        List<String> segments = new ArrayList<>(4);
        int start = 0;
        while (true) {
            int dot = path.indexOf('.', start);
            String segment = dot < 0 ? path.substring(start) : path.substring(start, dot);
            if (!isWildcard(segment) && !isIdentifier(segment)) {
                throw new InvalidNameException("'" + path + "' is not a valid name: segment '" + segment
                        + "' must be an identifier (a letter or _, then letters, digits or _)");
            }
            segments.add(segment);
            if (dot < 0) {
                return segments;
            }
            start = dot + 1;
        }
    }

    /** Whether the text is a valid single identifier: {@code [A-Za-z_][A-Za-z0-9_]*}. */
    public static boolean isIdentifier(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
            if (!letter && !(i > 0 && c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    /**
     * Checks a path without wildcards quickly (no allocation): every segment an identifier.
     *
     * @return true if the path is a plain dotted identifier path, false if it contains a wildcard segment
     * @throws InvalidNameException if a segment is neither an identifier nor a wildcard
     */
    public static boolean isPlainPath(String path) {
        if (path == null || path.isEmpty()) {
            throw new InvalidNameException("a name may not be empty; names are dotted identifiers such as net.g");
        }
        int start = 0;
        boolean plain = true;
        for (int i = 0; i <= path.length(); i++) {
            if (i == path.length() || path.charAt(i) == '.') {
                if (!isIdentifier(start, i, path)) {
                    String segment = path.substring(start, i);
                    if (!isWildcard(segment)) {
                        throw new InvalidNameException("'" + path + "' is not a valid name: segment '" + segment
                                + "' must be an identifier (a letter or _, then letters, digits or _)");
                    }
                    plain = false;
                }
                start = i + 1;
            }
        }
        return plain;
    }

    private static boolean isIdentifier(int from, int to, String s) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
            if (!letter && !(i > from && c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    /** Whether a path contains a run wildcard segment. */
    public static boolean hasWildcard(String path) {
        return !isPlainPath(path);
    }

    /**
     * Replaces {@code $} and {@code $set} by the run's name and bucket. A {@code $} must stand right after
     * {@code $set}: one group per run directly under a common parent would pass 20,000 children, which
     * the storage never allows.
     *
     * @throws InvalidNameException for a bare {@code $} or a {@code $set} not followed by {@code $}
     */
    public static String resolveWildcards(String path, long runIndex) {
        List<String> segments = splitAllowingWildcards(path);
        StringBuilder sb = new StringBuilder(path.length() + 24);
        for (int i = 0; i < segments.size(); i++) {
            String s = segments.get(i);
            boolean setBefore = i > 0 && segments.get(i - 1).equals(SET_WILDCARD);
            boolean runAfter = i + 1 < segments.size() && segments.get(i + 1).equals(RUN_WILDCARD);
            if (s.equals(RUN_WILDCARD) && !setBefore) {
                throw new InvalidNameException("'" + path + "': write '$set.$' rather than a bare '$' (e.g. runs.$set.$.rate),"
                        + " so that no group holds more than " + Runs.RUNS_PER_SET + " runs");
            }
            if (s.equals(SET_WILDCARD) && !runAfter) {
                throw new InvalidNameException("'" + path + "': '$set' must be followed by '$' (e.g. runs.$set.$.rate)");
            }
            if (i > 0) {
                sb.append('.');
            }
            sb.append(s.equals(RUN_WILDCARD) ? Runs.name(runIndex) : s.equals(SET_WILDCARD) ? Runs.setName(runIndex) : s);
        }
        return sb.toString();
    }

    /** Joins segments with dots. */
    public static String join(List<String> segments) {
        return String.join(".", segments);
    }

    private static boolean isWildcard(String segment) {
        return segment.equals(RUN_WILDCARD) || segment.equals(SET_WILDCARD);
    }
}
