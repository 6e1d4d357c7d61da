/**
 * Parameterised generators of gate-level multiplier netlists for 8xN formats (N = 2..8, unsigned and two's
 * complement): exact array, Baugh-Wooley and tree multipliers, truncated, broken-array and perforated multipliers,
 * approximate-adder reductions, and Mitchell and DRUM multipliers; and float multipliers of two minifloat codes
 * ({@link org.axdse.multipliers.generators.FloatDesign}: exact, truncated, Mitchell or L-Mul significand product,
 * exact product word or rounded to nearest even). Each {@link
 * org.axdse.multipliers.generators.MultiplierDesign} is an immutable parameter record whose name explains it; its
 * netlist is built through a constant-folding gate layer and pruned, so removed partial products cost nothing.
 * Activation {@code a} is always the first operand, weight {@code w} the second.
 */
package org.axdse.multipliers.generators;
