package org.neurosweep.postprocess;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neurosweep.trajectory.ValueType;

/**
 * One failed run of a sweep.
 *
 * @param index      the run's index
 * @param parameters the explored parameters' values in this run, by the names the run table uses, in
 *                   column order
 * @param error      the error the run stored: the exception's class and message, then its stack trace
 */
public record FailedRun(long index, Map<String, Object> parameters, String error) {
    public FailedRun {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        error = error == null ? "" : error;
    }

    /** The error's first line: the exception's class and the first line of its message. */
    public String firstLine() {
        return firstLineOf(error);
    }

    /** The parameters as {@code x=2, y=0.5}, each value in full (as the sweep set it). */
    public String parametersText() {
        List<String> pairs = new ArrayList<>(parameters.size());
        parameters.forEach((name, value) -> pairs.add(name + "=" + ValueType.format(value)));
        return String.join(", ", pairs);
    }

    /** {@code run 2 (x=2, y=0): java.lang.IllegalStateException: ...}, the error's first line only. */
    @Override
    public String toString() {
        return "run " + index + (parameters.isEmpty() ? "" : " (" + parametersText() + ")") + ": " + firstLine();
    }

    static String firstLineOf(String text) {
        return text.lines().findFirst().orElse("");
    }
}
