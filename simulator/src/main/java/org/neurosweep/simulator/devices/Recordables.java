package org.neurosweep.simulator.devices;

/**
 * Neurons whose recordables a multimeter reads by name ({@link Multimeter.Buffer#sample(int, long, Recordables, int)}):
 * the kernel's populations. All a multimeter sees of them.
 */
public interface Recordables {
    /** Recordable {@code name} (e.g. V_m in mV, g_ex in nS) of the population's neuron {@code i}; called on its VP's thread. */
    double get(String name, int i);
}
