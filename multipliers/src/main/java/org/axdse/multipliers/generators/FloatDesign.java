package org.axdse.multipliers.generators;

import org.axdse.multipliers.format.Minifloat;
import org.axdse.multipliers.netlist.Netlist;
import org.axdse.multipliers.table.MultiplierFormat;

/**
 * A float multiplier of two codes of {@code element} (see {@link FloatMultiplierCircuit}). Names:
 * {@code <format>_<mantissa>} for the exact product word (no rounding; the form an FP8 MAC feeds to a wide
 * accumulator) and {@code <format>_<mantissa>_rne} for the product rounded to the format, e.g. {@code e4m3_exact},
 * {@code e4m3_exact_rne}, {@code e5m2_trunc2}, {@code e4m3_mitchell_rne}.
 */
public record FloatDesign(Minifloat element, MantissaMultiplier mantissa, boolean rounded)
    implements MultiplierDesign {
  public FloatDesign {
    if (element == null || mantissa == null) {
      throw new IllegalArgumentException("a float design needs an element format and a mantissa multiplier");
    }
    if (mantissa.needsFraction() && element.mantissaBits() < 1) {
      throw new IllegalArgumentException(mantissa.label() + " needs at least 1 mantissa bit, " + element
          + " has none");
    }
    if (mantissa.columns() > 2 * element.mantissaBits() + 1) {
      throw new IllegalArgumentException(mantissa.label() + ": " + element + " has " + (2 * element.mantissaBits()
          + 2) + " significand product columns, at most " + (2 * element.mantissaBits() + 1) + " may change");
    }
  }

  @Override
  public MultiplierFormat format() {
    return MultiplierFormat.of(element);
  }

  @Override
  public String name() {
    return element.name() + "_" + mantissa.label() + (rounded ? "_rne" : "");
  }

  @Override
  public String description() {
    return element.name().toUpperCase(java.util.Locale.ROOT) + " multiplier, " + mantissa.description()
        + (rounded ? ", rounded to nearest even in " + element.name() : ", exact product word");
  }

  /** True only without NaN and infinity: {@code 0 x NaN} and {@code 0 x inf} are NaN. */
  @Override
  public boolean zeroPreserving() {
    return element.specials() == org.axdse.multipliers.format.Specials.FINITE;
  }

  @Override
  public Netlist netlist() {
    return FloatMultiplierCircuit.build(name(), element, mantissa::multiply, rounded);
  }
}
