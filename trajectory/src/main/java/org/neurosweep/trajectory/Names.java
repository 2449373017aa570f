package org.neurosweep.trajectory;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

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

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

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
            if (!isWildcard(segment) && !IDENTIFIER.matcher(segment).matches()) {
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

    /** Whether the text is a valid single identifier. */
    public static boolean isIdentifier(String text) {
        return text != null && IDENTIFIER.matcher(text).matches();
    }

    /** Whether a path contains a run wildcard segment. */
    public static boolean hasWildcard(String path) {
        for (String s : splitAllowingWildcards(path)) {
            if (isWildcard(s)) {
                return true;
            }
        }
        return false;
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
