/** The {@code neurosweep} command: parses arguments (commons-cli) and drives the other modules. */
package org.neurosweep.cli;
