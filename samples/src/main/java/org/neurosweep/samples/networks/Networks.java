package org.neurosweep.samples.networks;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** Every network, by name. */
public final class Networks {
    private static final Map<String, Network> BY_NAME = new LinkedHashMap<>();

    static {
        for (Network n : new Network[] {new OneNeuron(), new Brunel(), new Cuba()}) {
            BY_NAME.put(n.name(), n);
        }
    }

    private Networks() {
    }

    public static Network byName(String name) {
        Network n = BY_NAME.get(name);
        if (n == null) {
            throw new IllegalArgumentException("unknown network '" + name + "'; networks: " + String.join(", ", BY_NAME.keySet()));
        }
        return n;
    }

    public static Collection<Network> all() {
        return BY_NAME.values();
    }
}
