package org.axdse.multipliers.format;

/**
 * The number format of a multiplier operand or a quantized tensor: an integer of up to 8 bits or a minifloat of
 * up to 8 bits. Every format has {@code 2^bits()} codes, numbered by their bit pattern read as an unsigned int,
 * so a product of two codes is one entry of a code-by-code table.
 */
public sealed interface NumberFormat permits IntegerFormat, Minifloat {

  /** Width of a code in bits, 1 + exponent + mantissa bits for a minifloat. */
  int bits();

  /** Canonical name, e.g. {@code int8}, {@code uint4}, {@code e4m3}; {@link #parse} reads it back. */
  String name();

  /** Number of codes, {@code 2^bits()}. */
  default int codes() {
    return 1 << bits();
  }

  /** The exact value of {@code code} (NaN or an infinity for the non-finite codes of a minifloat). */
  double decode(int code);

  /**
   * The code nearest to {@code x}, ties to even, with the format's overflow rule (integers and saturating
   * minifloats clamp to the largest magnitude).
   */
  int encode(double x);

  /**
   * Parses a format name: {@code int<N>} or {@code uint<N>} (N = 2..8), or a minifloat as in
   * {@link Minifloat#parse}. Case-insensitive.
   *
   * @throws org.axdse.multipliers.util.BadInputException one line naming the text and the expected syntax
   */
  static NumberFormat parse(String text) {
    return FormatNames.parse(text);
  }
}
