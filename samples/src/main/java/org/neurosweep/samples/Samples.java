package org.neurosweep.samples;

import org.neurosweep.explore.SweepDefinition;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Every sample, by name. */
public final class Samples {
    private static final Map<String, SweepDefinition> BY_NAME = new LinkedHashMap<>();

    static {
        register(new Multiply());
        register(new Busy());
        register(new BrunelSweep());
        register(new NefChannelSweep());
    }

    private Samples() {
    }

    private static void register(SweepDefinition s) {
        BY_NAME.put(s.name(), s);
    }

    /** The sample with this name. */
    public static SweepDefinition byName(String name) {
        SweepDefinition s = BY_NAME.get(name);
        if (s == null) {
            throw new UnknownSampleException("unknown sample '" + name + "'; samples: " + String.join(", ", BY_NAME.keySet()));
        }
        return s;
    }

    /** All samples in a fixed order. */
    public static Collection<SweepDefinition> all() {
        return Collections.unmodifiableCollection(BY_NAME.values());
    }
}
