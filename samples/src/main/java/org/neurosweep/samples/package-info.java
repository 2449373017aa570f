/**
 * Runnable sweeps, each a {@link org.neurosweep.explore.SweepDefinition}: a trajectory with its parameters, a
 * default exploration and a run function. Found by name through {@link org.neurosweep.samples.Samples}.
 */
package org.neurosweep.samples;
