/**
 * Number formats of operands: the minifloats {@code EeMm} (OCP FP8 E4M3 and E5M2, E3M4, and the OCP MX element
 * types E3M2, E2M3, E2M1) and the integers the project already had, behind the sealed
 * {@link org.axdse.multipliers.format.NumberFormat}. A format has at most 256 codes; a code is the bit pattern as
 * an unsigned int. Decoding is exact (every code is a double), encoding rounds to nearest, ties to even, with the
 * format's overflow rule, and the product of two minifloat codes is exact as an integer significand product times
 * a power of two. Format names are parsed and printed by one syntax, documented in {@code docs/number-formats.md}.
 */
package org.axdse.multipliers.format;
