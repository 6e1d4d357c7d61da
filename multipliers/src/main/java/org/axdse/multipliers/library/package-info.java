/**
 * The built-in multiplier library: named, generated designs that need no files. Names are unique and follow the
 * generators' scheme ({@code u8x8_trunc6}, {@code s8x4_drum4}, {@code e4m3_exact}, ...); each multiplier carries
 * its netlist, and is built lazily and cached for the life of the JVM.
 */
package org.axdse.multipliers.library;
