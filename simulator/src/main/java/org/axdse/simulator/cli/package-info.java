/**
 * The simulator's subcommands of the {@code axdse} command line (gathered by the explorer's {@code Main}):
 * {@code axdse bench} and its benchmarks. Commands print results to standard output and report bad flags as one
 * line.
 */
package org.axdse.simulator.cli;
