package org.neurosweep.nef;

/**
 * What building and running a network cost (seconds, bytes), on this process.
 *
 * @param evalPointsSeconds drawing eval points, encoders, max rates and intercepts
 * @param gainBiasSeconds   gains and biases
 * @param activitiesSeconds the rates at the eval points and the targets, for every decoder solve (summed over threads)
 * @param solveSeconds      solving for decoders (summed over threads)
 * @param cacheSeconds      looking decoders up in the decoder cache and storing them there (summed over threads)
 * @param buildSeconds      the whole build, wall clock
 * @param runSeconds        running, wall clock
 * @param bytes             signals, encoders, decoders, transforms, neuron and synapse state and probe data at their largest
 * @param operators         the operations a step runs (fewer with the optimizer on: merged into blocks)
 */
public record NefStats(double evalPointsSeconds, double gainBiasSeconds, double activitiesSeconds, double solveSeconds,
                       double cacheSeconds, double buildSeconds, double runSeconds, long bytes, int operators) {
}
