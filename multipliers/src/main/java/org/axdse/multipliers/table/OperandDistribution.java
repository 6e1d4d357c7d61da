package org.axdse.multipliers.table;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A probability distribution over the operand pairs of a {@link MultiplierFormat}, indexed like
 * {@link ProductTable} ({@code (a << N) | w}, signed operands by bit pattern). Error metrics weight each pair by
 * it, and the cost model draws its power-simulation stimulus from it, so that a layer's measured activation and
 * weight histograms shape both. Probabilities are non-negative, finite and sum to 1. Immutable.
 */
public final class OperandDistribution {
  private static final Map<MultiplierFormat, OperandDistribution> UNIFORM = new ConcurrentHashMap<>();

  private final MultiplierFormat format;
  private final double[] probabilities;
  private final boolean uniform;
  private volatile AliasTable alias;

  private OperandDistribution(MultiplierFormat format, double[] probabilities, boolean uniform) {
    this.format = format;
    this.probabilities = probabilities;
    this.uniform = uniform;
  }

  /** Every operand pair equally likely (one shared instance per format). */
  public static OperandDistribution uniform(MultiplierFormat format) {
    return UNIFORM.computeIfAbsent(format, f -> {
      double[] p = new double[f.tableSize()];
      Arrays.fill(p, 1.0 / p.length);
      return new OperandDistribution(f, p, true);
    });
  }

  /**
   * Activation and weight drawn independently: {@code P(a, w) = Pa(a) * Pw(w)}.
   *
   * @param activationHistogram {@code 2^8} counts indexed by activation code (bit pattern)
   * @param weightHistogram {@code 2^N} counts indexed by weight code (bit pattern)
   */
  public static OperandDistribution independent(MultiplierFormat format, double[] activationHistogram,
      double[] weightHistogram) {
    double[] pa = normalised(activationHistogram, 1 << format.activationBits(), "activation histogram");
    double[] pw = normalised(weightHistogram, 1 << format.weightBits(), "weight histogram");
    double[] p = new double[format.tableSize()];
    int n = format.weightBits();
    for (int i = 0; i < p.length; i++) {
      p[i] = pa[i >>> n] * pw[i & ((1 << n) - 1)];
    }
    return new OperandDistribution(format, p, false);
  }

  /** Any joint distribution, from {@code 2^(8+N)} counts indexed like the product table. */
  public static OperandDistribution joint(MultiplierFormat format, double[] counts) {
    return new OperandDistribution(format, normalised(counts, format.tableSize(), "joint histogram"), false);
  }

  /** All mass on the pair at table {@code index}. */
  public static OperandDistribution pointMass(MultiplierFormat format, int index) {
    double[] counts = new double[format.tableSize()];
    counts[index] = 1.0;
    return joint(format, counts);
  }

  private static double[] normalised(double[] counts, int length, String what) {
    if (counts == null || counts.length != length) {
      throw new IllegalArgumentException(what + " needs " + length + " entries, got "
          + (counts == null ? "none" : counts.length));
    }
    double sum = 0;
    for (int i = 0; i < counts.length; i++) {
      double c = counts[i];
      if (!Double.isFinite(c) || c < 0) {
        throw new IllegalArgumentException(what + " entry " + i + " is " + c + "; counts must be finite and >= 0");
      }
      sum += c;
    }
    if (!(sum > 0) || !Double.isFinite(sum)) {
      throw new IllegalArgumentException(what + " must have a positive, finite total, got " + sum);
    }
    double[] p = new double[length];
    for (int i = 0; i < length; i++) {
      p[i] = counts[i] / sum;
    }
    return p;
  }

  public MultiplierFormat format() {
    return format;
  }

  /** True when built by {@link #uniform}. */
  public boolean isUniform() {
    return uniform;
  }

  /** The probability of the operand pair at table {@code index}. */
  public double probabilityAt(int index) {
    return probabilities[index];
  }

  /** A copy of all probabilities in table-index order. */
  public double[] toArray() {
    return probabilities.clone();
  }

  /** A reproducible sampler of table indices; the alias table behind it is built once and shared. */
  public IndexSampler sampler(long seed) {
    AliasTable t = alias;
    if (t == null) {
      t = new AliasTable(probabilities);
      alias = t;
    }
    return new IndexSampler(t, seed);
  }

  /** {@code count} table indices drawn with {@link #sampler(long)}. */
  public int[] sample(int count, long seed) {
    int[] out = new int[count];
    sampler(seed).fill(out);
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OperandDistribution d && d.format.equals(format)
        && Arrays.equals(d.probabilities, probabilities);
  }

  @Override
  public int hashCode() {
    return 31 * format.hashCode() + Arrays.hashCode(probabilities);
  }

  @Override
  public String toString() {
    return "OperandDistribution[" + format + (uniform ? ", uniform]" : "]");
  }
}
