package org.neurosweep.runners;

import java.time.Duration;

/**
 * How long the runners wait for what other processes do: a node's start-up and bind, a connection, a
 * heartbeat, a node leaving, a worker JVM ending. Every such wait is generous by default (a node whose cores
 * are busy with runs is the normal case) and multiplied by one scale for machines slower still:
 * {@code NEUROSWEEP_TIMEOUT_SCALE=3} in the environment, or {@code -Dneurosweep.timeout-scale=3}. Any single
 * Pekko setting can also be given as a system property, e.g.
 * {@code -Dpekko.remote.artery.bind.bind-timeout=300s}, which wins over the scaled defaults.
 */
public final class Timeouts {
    /** The system property that scales every time-out (a number from 0.1 to 100; default 1). */
    public static final String PROPERTY = "neurosweep.timeout-scale";
    /** The environment variable that does the same (the property wins). */
    public static final String ENVIRONMENT = "NEUROSWEEP_TIMEOUT_SCALE";

    private Timeouts() {
    }

    /** The scale in force; an unusable value is refused, naming it and what is allowed. */
    public static double scale() {
        String text = System.getProperty(PROPERTY);
        String from = "-D" + PROPERTY;
        if (text == null) {
            text = System.getenv(ENVIRONMENT);
            from = ENVIRONMENT;
        }
        if (text == null || text.isBlank()) {
            return 1;
        }
        double scale;
        try {
            scale = Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            scale = Double.NaN;
        }
        if (!(scale >= 0.1 && scale <= 100)) {
            throw new IllegalArgumentException(from + "='" + text + "' is not a time-out scale: give a number from 0.1 to 100");
        }
        return scale;
    }

    /** {@code base} times the scale. */
    static Duration of(Duration base) {
        return Duration.ofMillis(Math.round(base.toMillis() * scale()));
    }

    static Duration ofSeconds(long seconds) {
        return of(Duration.ofSeconds(seconds));
    }

    /** As Pekko's configuration writes a duration: {@code 60000ms}. */
    static String pekko(Duration base) {
        return of(base).toMillis() + "ms";
    }
}
