/**
 * Neuron models in NEST's four parts (parameters, state, dynamics, update), one file each, on
 * {@link org.neurosweep.simulator.models.OdeModel}: iaf_cond_exp, iaf_cond_alpha, aeif_cond_exp,
 * aeif_cond_alpha, hh_psc_alpha, izhikevich, parrot_neuron. They know nothing of the kernel, which keeps
 * their state per neuron and registers them by name; the three exactly integrated iaf_psc models are the
 * kernel's own fast paths. See docs/adding-a-model.md.
 */
package org.neurosweep.simulator.models;
