/**
 * What crosses a process boundary: the one Kryo registry (registration required, identical in every
 * JVM), the messages between a runner and its workers, the trajectory snapshot sent to workers, and
 * length-prefixed frames. Shared by the pipe transport and the cluster.
 */
package org.neurosweep.runners.wire;
