package org.axdse.multipliers.generators;

import org.axdse.multipliers.format.Minifloat;
import org.axdse.multipliers.netlist.Netlist;
import org.axdse.multipliers.table.FloatProductWords;
import org.axdse.multipliers.table.MultiplierFormat;

/**
 * Gate-level float multiplier of two codes of one minifloat format: sign XOR, exponent adder (effective exponents,
 * bias folded into the output's meaning), significand multiplier ({@link MantissaMultiplier}, or an integer
 * design's circuit: {@link IntegerSignificandDesign}), IEEE special cases
 * ({@code NaN} from a NaN operand or {@code 0 x inf}, infinity from an infinite operand), then either the exact
 * product word or normalization and rounding ({@link FloatRoundingCircuit}) to a code of the same format. The two
 * output layouts are those of {@link FloatProductWords}.
 */
final class FloatMultiplierCircuit {
  private FloatMultiplierCircuit() {}

  /** The parts every output stage needs. */
  record Product(int sign, int[] significand, int[] exponentSum, int inf, int nan) {}

  /** The unsigned product of significand words {@code x} and {@code y} (hidden bit on top), {@code width} bits. */
  @FunctionalInterface
  interface SignificandProduct {
    int[] multiply(Logic g, int[] x, int[] y, int width);
  }

  static Netlist build(String name, Minifloat f, SignificandProduct mantissa, boolean rounded) {
    Logic g = new Logic(MultiplierFormat.of(f));
    FloatOperand a = FloatOperand.of(g, f, g.aBits());
    FloatOperand w = FloatOperand.of(g, f, g.wBits());
    int sign = g.xor(a.sign(), w.sign());
    int[] p = mantissa.multiply(g, a.significand(), w.significand(), FloatProductWords.significandBits(f));
    int[] s = Datapath.add(g, a.exponent(), w.exponent(), Logic.ZERO, FloatProductWords.exponentBits(f));
    int nan = g.or(g.or(a.nan(), w.nan()), g.or(g.and(a.inf(), w.zero()), g.and(a.zero(), w.inf())));
    int inf = g.and(g.or(a.inf(), w.inf()), g.not(nan));
    Product product = new Product(sign, p, s, inf, nan);
    return g.build(name, rounded ? FloatRoundingCircuit.round(g, f, product) : word(product));
  }

  private static int[] word(Product p) {
    int sb = p.significand().length;
    int eb = p.exponentSum().length;
    int[] out = new int[sb + eb + 3];
    System.arraycopy(p.significand(), 0, out, 0, sb);
    System.arraycopy(p.exponentSum(), 0, out, sb, eb);
    out[sb + eb] = p.sign();
    out[sb + eb + 1] = p.inf();
    out[sb + eb + 2] = p.nan();
    return out;
  }
}
