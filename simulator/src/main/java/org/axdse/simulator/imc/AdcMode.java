package org.axdse.simulator.imc;

import java.util.Locale;

/**
 * What an ADC of {@code b} bits does with a column sum {@code v} when {@code b} is below the full resolution
 * {@code F} (the bits that hold the largest possible column sum).
 */
public enum AdcMode {
  /** Keeps the {@code b} low bits' range: {@code min(v, 2^b - 1)} (sums beyond the range saturate). */
  SATURATE,
  /**
   * Keeps the {@code b} high bits: {@code min(round(v / 2^(F-b)), 2^b - 1) * 2^(F-b)}, halves rounded up (the
   * ADC's full scale is the largest column sum).
   */
  ROUND;

  /** The digitized value of column sum {@code v} with {@code bits} of a full resolution of {@code full} bits. */
  public int convert(int v, int bits, int full) {
    int top = (1 << bits) - 1;
    if (this == SATURATE) {
      return Math.min(v, top);
    }
    int sh = full - bits;
    if (sh <= 0) {
      return v;
    }
    return Math.min((v + (1 << (sh - 1))) >> sh, top) << sh;
  }

  /** The name the architecture file uses: {@code saturate} or {@code round}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
