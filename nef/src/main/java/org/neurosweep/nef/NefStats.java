package org.neurosweep.nef;

/**
 * What building and running a network cost (seconds, bytes).
 *
 * @param evalPointsSeconds drawing eval points, encoders, max rates and intercepts
 * @param gainBiasSeconds   gains and biases
 * @param activitiesSeconds the rates at the eval points and the targets, for every decoder solve
 * @param solveSeconds      solving for decoders
 * @param cacheSeconds      looking decoders up in the decoder cache and storing them there
 * @param runSeconds        running
 * @param bytes             signals, decoders, transforms, neuron state and probe data
 */
public record NefStats(double evalPointsSeconds, double gainBiasSeconds, double activitiesSeconds, double solveSeconds,
                       double cacheSeconds, double runSeconds, long bytes) {
    public double buildSeconds() {
        return evalPointsSeconds + gainBiasSeconds + activitiesSeconds + solveSeconds + cacheSeconds;
    }
}
