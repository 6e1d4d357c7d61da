package org.axdse.multipliers.format;

/**
 * A {@code bits}-bit integer, two's complement when signed: the operand formats the project had before minifloats.
 * Codes are bit patterns, so code {@code 0xFF} of {@code int8} is the value -1.
 */
public record IntegerFormat(int bits, boolean signed) implements NumberFormat {
  public IntegerFormat {
    if (bits < 2 || bits > 8) {
      throw new IllegalArgumentException("integer format must have 2 to 8 bits, got " + bits);
    }
  }

  @Override
  public String name() {
    return (signed ? "int" : "uint") + bits;
  }

  public int min() {
    return signed ? -(1 << (bits - 1)) : 0;
  }

  public int max() {
    return signed ? (1 << (bits - 1)) - 1 : (1 << bits) - 1;
  }

  @Override
  public double decode(int code) {
    if (code < 0 || code >= codes()) {
      throw new IllegalArgumentException("code " + code + " out of range for " + name());
    }
    return signed ? (code << (32 - bits)) >> (32 - bits) : code;
  }

  @Override
  public int encode(double x) {
    if (Double.isNaN(x)) {
      throw new IllegalArgumentException(name() + " has no NaN");
    }
    long v = (long) Math.max(min(), Math.min(max(), Math.rint(x)));
    return (int) (v & (codes() - 1));
  }

  @Override
  public String toString() {
    return name();
  }
}
