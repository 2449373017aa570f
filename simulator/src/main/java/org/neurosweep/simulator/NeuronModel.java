package org.neurosweep.simulator;

import java.util.List;
import java.util.Map;

/**
 * A neuron model as the kernel sees it: its NEST name, how its parameters are read and checked, and how
 * a population of it is made. Registered in {@link Models}; the engine has no switch over model names.
 */
interface NeuronModel {
    /** The NEST name, e.g. {@code iaf_cond_exp}. */
    String name();

    /** The parameter names create and SetStatus accept (state such as V_m included). */
    List<String> parameterNames();

    /** The state variables SetStatus may set (V_m and, per model, more). */
    List<String> stateNames();

    /** What a multimeter can record from it. */
    List<String> recordables();

    /** The parameters from a NEST-style dictionary, defaults filled in, every value checked. */
    Object parameters(Map<String, ?> given);

    /** A fresh population of neurons {@code ids} (local indices from {@code firstLocal}) with these parameters. */
    Population population(Object parameters, int firstLocal, int[] ids);
}
