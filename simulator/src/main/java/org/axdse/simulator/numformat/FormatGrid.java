package org.axdse.simulator.numformat;

import java.util.Arrays;
import java.util.TreeSet;
import org.axdse.multipliers.format.Minifloat;

/**
 * The finite values of a minifloat as a sorted grid, for rounding many reals fast: {@link #nearest} finds the
 * nearest value by binary search and asks the format itself only on an exact midpoint, so ties go to the even code
 * exactly as {@link Minifloat#encode} says. Rounding saturates at {@link #maxFinite()} whatever the format's
 * overflow rule, as post-training FP8 quantization does (Micikevicius et al., "FP8 formats for deep learning",
 * arXiv:2209.05433, 2022). Immutable.
 */
public final class FormatGrid {
  private final Minifloat format;
  private final double[] magnitudes;
  private final double maxFinite;
  private final int minExponent;
  private final boolean direct;

  private FormatGrid(Minifloat format) {
    this.format = format;
    TreeSet<Double> m = new TreeSet<>();
    for (int c = 0; c < format.codes(); c++) {
      double v = format.decode(c);
      if (Double.isFinite(v)) {
        m.add(Math.abs(v));
      }
    }
    this.magnitudes = m.stream().mapToDouble(Double::doubleValue).toArray();
    this.maxFinite = magnitudes[magnitudes.length - 1];
    this.minExponent = 1 - format.bias();
    this.direct = format.subnormals();
  }

  public static FormatGrid of(Minifloat format) {
    return new FormatGrid(format);
  }

  public Minifloat format() {
    return format;
  }

  /** The largest finite magnitude, e.g. 448 for E4M3. */
  public double maxFinite() {
    return maxFinite;
  }

  /** The exponent of the largest normal, {@code floor(log2 maxFinite)}: 8 for E4M3, the {@code emax} of OCP MX. */
  public int maxExponent() {
    return Math.getExponent(maxFinite);
  }

  /** The distinct finite magnitudes, ascending, 0 first. */
  public double[] magnitudes() {
    return magnitudes.clone();
  }

  /**
   * The format value nearest to {@code x} (ties to even, saturating; NaN stays NaN; 0 for +-0). With subnormals
   * the grid is uniform within each binade, step {@code 2^(max(e, 1 - bias) - m)}, so the nearest value is {@code
   * rint(x / step) * step}: {@link Math#rint} rounds halves to the even significand, which is the even code.
   */
  public double nearest(double x) {
    double a = Math.abs(x);
    if (!(a < maxFinite)) {
      return Double.isNaN(a) ? a : Math.copySign(maxFinite, x);
    }
    if (direct) {
      int q = Math.max(Math.getExponent(a), minExponent) - format.mantissaBits();
      double v = Math.min(maxFinite, Math.scalb(Math.rint(Math.scalb(a, -q)), q));
      return v == 0 ? 0.0 : Math.copySign(v, x);
    }
    return searched(x, a);
  }

  /** {@link #nearest} by binary search over the magnitudes, asking the format on an exact midpoint. */
  double searched(double x, double a) {
    if (!(a < maxFinite)) {
      return Double.isNaN(a) ? a : Math.copySign(maxFinite, x);
    }
    int i = Arrays.binarySearch(magnitudes, a);
    double v;
    if (i >= 0) {
      v = magnitudes[i];
    } else {
      int hi = -i - 1;
      double lo = magnitudes[hi - 1];
      double mid = (lo + magnitudes[hi]) * 0.5;
      v = a < mid ? lo : a > mid ? magnitudes[hi] : Math.abs(format.decode(format.encode(a)));
    }
    return v == 0 ? 0.0 : Math.copySign(v, x);
  }
}
