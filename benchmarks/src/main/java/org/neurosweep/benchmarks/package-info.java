/** Benchmark harnesses that print figures (run with {@code benchmarks/run NAME}); never run as tests. */
package org.neurosweep.benchmarks;
