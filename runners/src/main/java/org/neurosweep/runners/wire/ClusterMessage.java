package org.neurosweep.runners.wire;

/**
 * The messages between a cluster coordinator and its worker nodes, serialized by {@link KryoPekkoSerializer}
 * with the registry of the pipe transport. They hold only strings, numbers and bytes: an actor reference
 * travels as its serialized path, and a run's record or the frozen input travels as Kryo bytes encoded
 * with the sweep's own registry (which includes the user's classes), cut into {@link Chunk}s so that no
 * message exceeds Artery's frame size.
 */
public sealed interface ClusterMessage {
    /** Worker to coordinator: a worker node joined; {@code worker} is its actor's serialized reference. */
    record Join(String worker, String node, int slots) implements ClusterMessage {
    }

    /**
     * Coordinator to worker, first: the user classes to register after the base registry, in order, the
     * stream that will carry the frozen input, and the stream that carries the user's code before it
     * ({@link org.neurosweep.runners.UserCode#pack()}; 0 when the workers' own class path suffices).
     */
    record Welcome(String[] registeredClasses, long initStream, long codeStream) implements ClusterMessage {
    }

    /** Part {@code part} of {@code parts} of an encoded {@link WireMessage}, from a node, in stream {@code stream}. */
    record Chunk(String from, long stream, int part, int parts, byte[] bytes) implements ClusterMessage {
    }

    /**
     * Worker to coordinator: several whole encoded {@link WireMessage}s (finished runs) at once, together
     * no larger than a chunk; what a worker sends when runs finish faster than it can send them one by one.
     */
    record Results(String from, byte[][] messages) implements ClusterMessage {
    }

    /** Coordinator to worker: run these indices. */
    record Tasks(long[] indices) implements ClusterMessage {
    }

    /** Coordinator to worker: this run timed out and is handed out again; interrupt it if it is still running. */
    record Cancel(long index) implements ClusterMessage {
    }

    /** Coordinator to worker: the sweep is complete; leave the cluster and exit. */
    record Leave() implements ClusterMessage {
    }
}
