package org.axdse.simulator.kernels;

import org.axdse.multipliers.table.MultiplierFormat;

/**
 * The weights of one layer as a {@code rows x cols} matrix of weight codes, row-major: row {@code n} is output
 * channel n, column {@code k} is the reduction index (for a convolution {@code k = (c * kH + ky) * kW + kx} within
 * the channel's group, matching the ONNX weight layout {@code [outC][inC/groups][kH][kW]}).
 *
 * <p>A code is the N-bit pattern of the weight ({@code 0 .. 2^N - 1}), as in the product-table index
 * {@code (a << N) | w}; for signed formats it is the two's-complement pattern. Immutable; the arrays are copied.
 */
public final class WeightMatrix {
  private final MultiplierFormat format;
  private final int rows;
  private final int cols;
  private final byte[] codes;
  private final int[] values;
  private final float[] floatValues;
  private final int[] rowSums;
  private final int[] byCode;
  private final int[] zeroCodes;
  private volatile WeightPlanes bitPlanes;
  private final NativePacking packing;
  private final java.util.Map<java.util.List<Integer>, ShiftedWeights> shifted =
      new java.util.concurrent.ConcurrentHashMap<>();

  private WeightMatrix(MultiplierFormat format, int rows, int cols, byte[] codes) {
    this.format = format;
    this.rows = rows;
    this.cols = cols;
    this.codes = codes;
    this.values = new int[codes.length];
    this.packing = new NativePacking(values, rows, cols);
    this.rowSums = new int[rows];
    int n = format.weightBits();
    for (int i = 0; i < codes.length; i++) {
      int code = codes[i] & 0xFF;
      if (code >= 1 << n) {
        throw new IllegalArgumentException(
            "weight code " + code + " at (" + i / cols + ", " + i % cols + ") does not fit " + n + " bits");
      }
      values[i] = format.signed() ? (code << (32 - n)) >> (32 - n) : code;
      rowSums[i / cols] += values[i];
    }
    this.byCode = sortByCode(codes, rows, cols, 1 << n);
    this.floatValues = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      floatValues[i] = values[i];
    }
    this.zeroCodes = new int[rows];
    for (int i = 0; i < codes.length; i++) {
      zeroCodes[i / cols] += codes[i] == 0 ? 1 : 0;
    }
  }

  /** Each row's column indexes in order of weight code (a counting sort), row n at {@code [n * cols, ...)}. */
  private static int[] sortByCode(byte[] codes, int rows, int cols, int weights) {
    int[] order = new int[codes.length];
    int[] start = new int[weights + 1];
    for (int n = 0; n < rows; n++) {
      java.util.Arrays.fill(start, 0);
      for (int k = 0; k < cols; k++) {
        start[(codes[n * cols + k] & 0xFF) + 1]++;
      }
      for (int w = 0; w < weights; w++) {
        start[w + 1] += start[w];
      }
      for (int k = 0; k < cols; k++) {
        order[n * cols + start[codes[n * cols + k] & 0xFF]++] = k;
      }
    }
    return order;
  }

  /** A matrix from weight codes in row-major order. */
  public static WeightMatrix ofCodes(MultiplierFormat format, int rows, int cols, byte[] codes) {
    if (format == null || rows <= 0 || cols <= 0 || codes == null || codes.length != (long) rows * cols) {
      throw new IllegalArgumentException("weight matrix needs a format and " + rows + " x " + cols + " codes");
    }
    return new WeightMatrix(format, rows, cols, codes.clone());
  }

  /** A matrix from weight values in row-major order (each in the format's weight range). */
  public static WeightMatrix ofValues(MultiplierFormat format, int rows, int cols, int[] values) {
    if (format == null || rows <= 0 || cols <= 0 || values == null || values.length != (long) rows * cols) {
      throw new IllegalArgumentException("weight matrix needs a format and " + rows + " x " + cols + " values");
    }
    byte[] codes = new byte[values.length];
    int mask = (1 << format.weightBits()) - 1;
    for (int i = 0; i < values.length; i++) {
      if (values[i] < format.minWeight() || values[i] > format.maxWeight()) {
        throw new IllegalArgumentException("weight " + values[i] + " out of range for " + format);
      }
      codes[i] = (byte) (values[i] & mask);
    }
    return new WeightMatrix(format, rows, cols, codes);
  }

  public MultiplierFormat format() {
    return format;
  }

  /** Number of rows: output channels. */
  public int rows() {
    return rows;
  }

  /** Number of columns: the reduction length K. */
  public int cols() {
    return cols;
  }

  /** The code at row {@code n}, column {@code k}. */
  public int code(int n, int k) {
    return codes[n * cols + k] & 0xFF;
  }

  /** The weight value (sign-extended for signed formats) at row {@code n}, column {@code k}. */
  public int value(int n, int k) {
    return values[n * cols + k];
  }

  /**
   * The sum of the weight values of row {@code n} (codes read as two's complement for signed formats, as plain
   * binary otherwise): the per-row term the engine needs for zero-point corrections.
   */
  public int rowSum(int n) {
    return rowSums[n];
  }

  /**
   * Column indexes of each row sorted by weight code: the table kernel visits k in this order so that equal
   * codes follow each other and their plane rows stay in L1 (integer sums do not depend on the order).
   */
  int[] byCodeArray() {
    return byCode;
  }

  /** The number of code-0 weights of row {@code n}: they lead the row in {@link #byCodeArray()}. */
  int zeroCodes(int n) {
    return zeroCodes[n];
  }

  byte[] codesArray() {
    return codes;
  }

  /** The weight values as floats, for the float32 exact path. */
  float[] floatValuesArray() {
    return floatValues;
  }

  int[] valuesArray() {
    return values;
  }

  /** The weights moved by a bilinear design's weight shift, built on first use per shift. */
  ShiftedWeights shifted(int[] shift) {
    return shifted.computeIfAbsent(java.util.Arrays.stream(shift).boxed().toList(),
        d -> ShiftedWeights.of(this, shift));
  }

  /**
   * The values packed for the native exact kernel, built on first use; null when the kernel did not load or the
   * values are too wide ({@link NativeWeights#of}).
   */
  NativeWeights nativeWeights() {
    return packing.get();
  }

  /** The codes as bit planes along k, built on first use (the bilinear kernel's operand). */
  WeightPlanes bitPlanes() {
    WeightPlanes p = bitPlanes;
    if (p == null) {
      p = WeightPlanes.of(this);
      bitPlanes = p;
    }
    return p;
  }
}
