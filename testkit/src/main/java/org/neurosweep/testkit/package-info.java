/**
 * Support for the tests of neurosweep's modules, which depend on this module in test scope only:
 * {@link org.neurosweep.testkit.ExternalTool} runs the external programs (h5dump, Debian's python3 with
 * h5py, pandas or Brian2, chromium) that interop tests check our output against.
 *
 * <p>This module imports nothing else of neurosweep.
 */
package org.neurosweep.testkit;
