/**
 * Import and export of multipliers: TFApprox {@code .bin} lookup tables, CSV and NumPy tables, and structural
 * Verilog netlists, each with an optional JSON sidecar ({@code FILE.meta.json}). {@link
 * org.axdse.multipliers.io.MultiplierFiles} is the entry point. Readers never return a partial result: a file is
 * either a complete, valid multiplier or a one-line {@link org.axdse.multipliers.util.BadInputException}; writers
 * are atomic. {@link org.axdse.multipliers.io.Npy} is a general {@code .npy} reader and writer.
 */
package org.axdse.multipliers.io;
