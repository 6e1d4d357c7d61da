package org.axdse.multipliers.format;

/**
 * Which codes of a minifloat are not finite numbers.
 *
 * <ul>
 *   <li>{@link #IEEE}: the all-ones exponent field holds infinities (mantissa 0) and NaNs (any other mantissa),
 *       as in IEEE 754 and OCP FP8 E5M2.
 *   <li>{@link #FN}: finite except one NaN pattern per sign, all-ones exponent and mantissa; the rest of the top
 *       binade holds normal numbers. OCP FP8 E4M3 (max 448) and Intel's E3M4 (max 30) use it.
 *   <li>{@link #FINITE}: every code is a finite number, as the OCP MX element types E3M2, E2M3 and E2M1.
 * </ul>
 */
public enum Specials {
  IEEE,
  FN,
  FINITE;

  /** The lowercase suffix used in format names: {@code ieee}, {@code fn}, {@code finite}. */
  public String suffix() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
