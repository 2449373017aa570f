/**
 * The embedded NEST-style spiking-network engine (issue #5). Imports nothing else of neurosweep.
 * Empty until that issue lands; the module exists so the build and the dependency rules are in place.
 */
package org.neurosweep.simulator;
