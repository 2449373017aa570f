package org.neurosweep.runners;

/** How runs are executed (the names a pypet user knows). */
public enum Mode {
    /** In order, in the caller's thread: the reference every other mode must match. */
    LOCAL,
    /** Worker threads in this JVM; finished runs go over a bounded queue to the single sink writer. */
    POOL,
    /** Worker JVMs fed run indices over their standard input, answering with Kryo frames on standard output. */
    PROCESSES,
    /**
     * Worker nodes of an Apache Pekko cluster pull runs from this node, the coordinator, which stores them
     * ({@code neurosweep cluster coordinator}; not a {@code --mode} of {@code run}).
     */
    CLUSTER;

    /** The mode named on a command line: local, pool or processes. */
    public static Mode parse(String name) {
        for (Mode m : values()) {
            if (m != CLUSTER && m.name().equalsIgnoreCase(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown mode '" + name + "'; modes: local, pool, processes");
    }
}
