package org.axdse.simulator.kernels;

import org.axdse.multipliers.table.MultiplierFormat;

/**
 * The weights of a {@link WeightMatrix} moved by a bilinear design's weight shift: value {@code w + sum_j d_j
 * w_j} for each code (bits {@code w_j}), as ints and floats for the exact path, with the float chunk length that
 * keeps its sums exact. {@link BilinearTerms} picks the shift {@code d} that zeroes the most pair coefficients:
 * {@code a * w + e(a, w) = a * (w + D(w)) + e'(a, w)} with {@code e'} having the pair coefficients {@code c_ij -
 * u_i d_j} ({@code u_i} the place value of activation bit i), so a truncated design's triangle of dropped partial
 * products is split between the exact GEMM and fewer popcounts. Immutable but for the native packing, made once on
 * first use.
 */
final class ShiftedWeights {
  private final int[] values;
  private final float[] floats;
  private final int chunk;
  private final NativePacking packing;

  private ShiftedWeights(int[] values, int rows, int cols, int chunk) {
    this.values = values;
    this.floats = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      floats[i] = values[i];
    }
    this.chunk = chunk;
    this.packing = new NativePacking(values, rows, cols);
  }

  /** The weights of {@code w} shifted by {@code shift} (one entry per weight bit). */
  static ShiftedWeights of(WeightMatrix w, int[] shift) {
    MultiplierFormat f = w.format();
    int[] byCode = byCode(f, shift);
    int[] values = new int[w.rows() * w.cols()];
    for (int n = 0; n < w.rows(); n++) {
      for (int k = 0; k < w.cols(); k++) {
        values[n * w.cols() + k] = byCode[w.code(n, k)];
      }
    }
    return new ShiftedWeights(values, w.rows(), w.cols(), chunk(f, shift));
  }

  /** The shifted value of every weight code of {@code f}. */
  static int[] byCode(MultiplierFormat f, int[] shift) {
    int[] v = new int[1 << f.weightBits()];
    for (int code = 0; code < v.length; code++) {
      int value = f.signed() ? (code << (32 - f.weightBits())) >> (32 - f.weightBits()) : code;
      for (int j = 0; j < shift.length; j++) {
        value += (code >> j & 1) * shift[j];
      }
      v[code] = value;
    }
    return v;
  }

  /** {@code floor(2^24 / (max|a| * max|w'|))}: the k run whose float32 sums stay exact ({@link FloatExactKernel}). */
  static int chunk(MultiplierFormat f, int[] shift) {
    long a = Math.max(-(long) f.minActivation(), f.maxActivation());
    long w = 1;
    for (int v : byCode(f, shift)) {
      w = Math.max(w, Math.abs((long) v));
    }
    return (int) Math.min(Integer.MAX_VALUE, FloatExactKernel.EXACT_LIMIT / (a * w));
  }

  int[] values() {
    return values;
  }

  float[] floats() {
    return floats;
  }

  int chunk() {
    return chunk;
  }

  /** The values packed for the native kernel, built on first use, or null ({@link NativePacking#get}). */
  NativeWeights nativeWeights() {
    return packing.get();
  }
}
