package org.neurosweep.runners;

import java.io.PrintWriter;
import java.io.StringWriter;

/** The text stored for a failed run. */
final class Failures {
    /** Stack traces past this length are cut: the run table keeps one per failed run. */
    static final int MAX_LENGTH = 4000;

    private Failures() {
    }

    /** The exception's class, message and stack trace, at most {@link #MAX_LENGTH} characters. */
    static String describe(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        String text = out.toString().strip();
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 4) + " ...";
    }
}
