package org.axdse.multipliers.generators;

import java.util.Locale;
import java.util.Optional;
import org.axdse.multipliers.Multiplier;
import org.axdse.multipliers.format.Minifloat;
import org.axdse.multipliers.netlist.Netlist;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.Signedness;

/**
 * A float multiplier whose significand product is an integer design's circuit: any unsigned {@code A x W}
 * multiplier with a netlist (built-in, or imported into a library directory, e.g. an EvoApprox-style
 * {@code mul8u_*}) with {@code A, W >= m + 1}, inside the float circuit of {@link FloatDesign} (sign XOR, exponent
 * adder, special cases, exact product word or rounding). Name {@code <format>_sig_<integer>[_rne]}.
 *
 * <p>Alignment: each {@code (m+1)}-bit significand (hidden bit on top) drives the most significant bits of its
 * integer operand, the bits below are tied to 0, and the product's {@code 2m + 2} bits from {@code A + W - 2m - 2}
 * up are the significand product; the lower product bits are left unconnected. An exact integer design thus gives
 * the exact significand product, and an approximate one errs as it does on operands of its own upper range, where
 * a normalized significand sits. Constant inputs fold away with the gates they fix ({@link NetlistInstance}), so
 * the cost model sees the part of the integer circuit that still switches; approximations confined to product
 * columns below {@code A + W - 2m - 2} vanish with their hardware.
 */
public record IntegerSignificandDesign(Minifloat element, String integerName, Netlist integer, boolean rounded) {
  /** The infix between the format and the integer design's name. */
  public static final String INFIX = "_sig_";

  public IntegerSignificandDesign {
    if (element == null || integerName == null || integer == null) {
      throw new IllegalArgumentException("needs an element format, an integer design name and its circuit");
    }
    problem(element, integer.format(), integer.productBits()).ifPresent(p -> {
      throw new IllegalArgumentException(integerName + ": " + p);
    });
  }

  /**
   * Why an integer multiplier of {@code format} with a {@code productBits}-bit product cannot multiply the
   * significands of {@code element}; empty when it can.
   */
  public static Optional<String> problem(Minifloat element, MultiplierFormat format, int productBits) {
    int bits = element.mantissaBits() + 1;
    if (format.isFloat()) {
      return Optional.of("is a float multiplier (" + format.namePrefix() + "); a significand multiplier is an unsigned"
          + " integer design");
    }
    if (format.signedness() != Signedness.UNSIGNED) {
      return Optional.of("is signed (" + format.namePrefix() + "); significands are unsigned: use an unsigned design"
          + " such as u8x8_exact");
    }
    if (format.activationBits() < bits || format.weightBits() < bits) {
      return Optional.of("has " + format.activationBits() + "x" + format.weightBits() + "-bit operands; "
          + element.name() + " significands need at least " + bits + " bits each");
    }
    if (productBits != format.activationBits() + format.weightBits()) {
      return Optional.of("has a " + productBits + "-bit product; a " + format.label() + " multiplier needs "
          + (format.activationBits() + format.weightBits()));
    }
    return Optional.empty();
  }

  public MultiplierFormat format() {
    return MultiplierFormat.of(element);
  }

  public String name() {
    return element.name() + INFIX + integerName + (rounded ? "_rne" : "");
  }

  public String description() {
    return element.name().toUpperCase(Locale.ROOT) + " multiplier, significand product by " + integerName
        + " (MSB-aligned)" + (rounded ? ", rounded to nearest even in " + element.name() : ", exact product word");
  }

  public Netlist netlist() {
    return FloatMultiplierCircuit.build(name(), element, this::multiply, rounded);
  }

  /** The circuit and its product table, simulated bit-parallel. */
  public Multiplier build() {
    return Multiplier.ofNetlist(name(), description(), netlist());
  }

  private int[] multiply(Logic g, int[] x, int[] y, int width) {
    int shiftA = integer.format().activationBits() - x.length;
    int shiftW = integer.format().weightBits() - y.length;
    int[] p = NetlistInstance.place(g, integer, aligned(x, shiftA), aligned(y, shiftW));
    int[] out = new int[width];
    for (int j = 0; j < width; j++) {
      int bit = shiftA + shiftW + j;
      out[j] = bit < p.length ? p[bit] : Logic.ZERO;
    }
    return out;
  }

  private static int[] aligned(int[] significand, int shift) {
    int[] bits = new int[significand.length + shift];
    java.util.Arrays.fill(bits, 0, shift, Logic.ZERO);
    System.arraycopy(significand, 0, bits, shift, significand.length);
    return bits;
  }
}
