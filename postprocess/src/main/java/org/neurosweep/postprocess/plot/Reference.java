package org.neurosweep.postprocess.plot;

import java.util.Objects;

/**
 * A labelled vertical line at a value of the x axis: "CV = 1 (Poisson)", "analysis starts".
 *
 * @param x     where, in the x axis's unit
 * @param label what it marks
 */
public record Reference(double x, String label) {
    /** @throws IllegalArgumentException if {@code x} is not finite */
    public Reference {
        Objects.requireNonNull(label, "label");
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("a reference line needs a finite x, not " + x);
        }
    }
}
