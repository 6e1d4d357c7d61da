/**
 * The simulator's subcommands of the {@code axdse} command line ({@code axdse model ...}, {@code axdse bench
 * ...}). Commands only parse flags, call the simulator packages and print; user errors surface as one-line
 * {@link org.axdse.multipliers.util.BadInputException}s or picocli parameter errors.
 */
package org.axdse.simulator.cli;
