package org.axdse.simulator.quant;

import java.util.Locale;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.Signedness;

/**
 * The two integer schemes of the engine. {@link #SYMMETRIC}: signed 8-bit activations and signed N-bit weights,
 * both narrow-range with zero point 0, multiplied by a signed {@code s8xN} multiplier. {@link #ASYMMETRIC}:
 * unsigned 8-bit activations and unsigned N-bit weights with zero points (TFLite uint8), multiplied by an unsigned
 * {@code u8xN} multiplier; only the product of the two codes goes through the multiplier, the zero-point cross
 * terms are exact (TFApprox semantics).
 */
public enum QuantMode {
  SYMMETRIC("sym"),
  ASYMMETRIC("asym");

  private final String label;

  QuantMode(String label) {
    this.label = label;
  }

  /** {@code sym} or {@code asym}, as on the command line. */
  public String label() {
    return label;
  }

  /** The scheme of activations (8 bits) and of weights (N bits). */
  public QuantScheme scheme() {
    return this == SYMMETRIC ? QuantScheme.SYMMETRIC : QuantScheme.ASYMMETRIC_UNSIGNED;
  }

  public boolean signed() {
    return this == SYMMETRIC;
  }

  /** The multiplier format layers need: {@code s8xN} or {@code u8xN}. */
  public MultiplierFormat format(int weightBits) {
    return MultiplierFormat.of(weightBits, signed() ? Signedness.SIGNED : Signedness.UNSIGNED);
  }

  /** Parses {@code sym} or {@code asym} (also {@code symmetric}, {@code asymmetric}); null when unknown. */
  public static QuantMode parse(String s) {
    String v = s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
    return switch (v) {
      case "sym", "symmetric" -> SYMMETRIC;
      case "asym", "asymmetric" -> ASYMMETRIC;
      default -> null;
    };
  }
}
