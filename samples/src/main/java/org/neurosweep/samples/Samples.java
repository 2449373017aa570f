package org.neurosweep.samples;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Every sample, by name. */
public final class Samples {
    private static final Map<String, Sample> BY_NAME = new LinkedHashMap<>();

    static {
        register(new Multiply());
        register(new Busy());
        register(new BrunelSweep());
    }

    private Samples() {
    }

    private static void register(Sample s) {
        BY_NAME.put(s.name(), s);
    }

    /** The sample with this name. */
    public static Sample byName(String name) {
        Sample s = BY_NAME.get(name);
        if (s == null) {
            throw new UnknownSampleException("unknown sample '" + name + "'; samples: " + String.join(", ", BY_NAME.keySet()));
        }
        return s;
    }

    /** All samples in a fixed order. */
    public static Collection<Sample> all() {
        return Collections.unmodifiableCollection(BY_NAME.values());
    }
}
