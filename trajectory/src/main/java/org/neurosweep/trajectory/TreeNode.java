package org.neurosweep.trajectory;

/** A node of the trajectory tree: a {@link Group} or a {@link Leaf}. */
public sealed interface TreeNode permits Group, Leaf {
    /** The node's own name, the last segment of its path. */
    String name();

    /** The full dotted path from the trajectory root, starting with the branch, e.g. {@code parameters.net.g}. */
    String fullPath();

    /** The branch the node lives in. */
    Branch branch();

    /** A free-text comment, empty if none. */
    String comment();
}
