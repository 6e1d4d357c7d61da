package org.axdse.multipliers.cost;

import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.OperandDistribution;

/**
 * A sequence of operand pairs applied to a multiplier one after another, the stimulus of the power simulation,
 * stored both as table indices and bit-transposed for {@link org.axdse.multipliers.netlist.BitParallelSimulator}:
 * word {@code k} of operand bit {@code i} holds bit {@code i} of pairs {@code 64k .. 64k+63}, pair {@code 64k+l}
 * in lane (bit) {@code l}. One stream can be applied to many netlists of the same format, so that they are
 * compared on identical inputs. Immutable.
 */
public final class OperandStream {
  private final MultiplierFormat format;
  private final int[] indices;
  private final long[][] aWords;
  private final long[][] wWords;

  private OperandStream(MultiplierFormat format, int[] indices) {
    if (indices.length < 64 || indices.length % 64 != 0) {
      throw new IllegalArgumentException("stream length must be a positive multiple of 64, got " + indices.length);
    }
    int n = format.weightBits();
    int words = indices.length / 64;
    aWords = new long[words][format.activationBits()];
    wWords = new long[words][n];
    for (int k = 0; k < words; k++) {
      long[] a = aWords[k];
      long[] w = wWords[k];
      for (int l = 0; l < 64; l++) {
        int idx = indices[64 * k + l];
        if (idx < 0 || idx >= format.tableSize()) {
          throw new IllegalArgumentException("table index " + idx + " out of range for " + format);
        }
        int act = idx >>> n;
        for (int i = 0; i < a.length; i++) {
          a[i] |= (long) ((act >>> i) & 1) << l;
        }
        for (int i = 0; i < n; i++) {
          w[i] |= (long) ((idx >>> i) & 1) << l;
        }
      }
    }
    this.format = format;
    this.indices = indices;
  }

  /** {@code length} pairs drawn from {@code distribution} with {@code seed} (reproducible). */
  public static OperandStream sample(OperandDistribution distribution, int length, long seed) {
    return new OperandStream(distribution.format(), distribution.sample(length, seed));
  }

  /** The given table indices in order; the array is copied. */
  public static OperandStream of(MultiplierFormat format, int[] indices) {
    return new OperandStream(format, indices.clone());
  }

  public MultiplierFormat format() {
    return format;
  }

  /** Number of operand pairs. */
  public int length() {
    return indices.length;
  }

  /** Number of 64-pair words. */
  public int words() {
    return aWords.length;
  }

  /** The table index of pair {@code i}. */
  public int index(int i) {
    return indices[i];
  }

  /** Activation bits of word {@code k}, one {@code long} per bit (shared array: do not modify). */
  long[] activationWords(int k) {
    return aWords[k];
  }

  /** Weight bits of word {@code k}, one {@code long} per bit (shared array: do not modify). */
  long[] weightWords(int k) {
    return wWords[k];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OperandStream s && s.format.equals(format) && java.util.Arrays.equals(s.indices, indices);
  }

  @Override
  public int hashCode() {
    return 31 * format.hashCode() + java.util.Arrays.hashCode(indices);
  }

  @Override
  public String toString() {
    return "OperandStream[" + format + ", " + indices.length + " pairs]";
  }
}
