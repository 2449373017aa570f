/**
 * One model run by several processes: what the simulator and the NEF engine share.
 *
 * <ul>
 *   <li>{@link Exchange}: processes 0..P-1 each contribute one message per round and receive every
 *       other's (an all-gather, as NEURON's spike exchange); {@link InMemoryExchange} for processes that
 *       are threads of one JVM (tests), {@link AeronExchange} for JVMs on one host (Aeron IPC) or on
 *       several (Aeron UDP), set up by an {@link AeronConfig} and, for UDP, one {@link Endpoint} per
 *       process.</li>
 * </ul>
 *
 * <p>This module imports nothing else of neurosweep.
 */
package org.neurosweep.exchange;
