package org.axdse.simulator.kernels;

import java.util.Arrays;

/**
 * The activation operand of a GEMM: a {@code rows x cols} (K x M) matrix of 8-bit activation codes, K-major:
 * row {@code k} holds the codes of all M columns contiguously, with a row stride rounded up to a multiple of 64
 * so the vector kernels can load whole 64-column tiles (the padding columns hold no meaning and their results are
 * never written). For a dense layer M is the batch; for a convolution {@link Im2Col} fills it.
 *
 * <p>Mutable and reusable: {@link #reshape} keeps the buffer when it is large enough, so a caller can hold one
 * panel per layer shape and allocate nothing per call. Not thread-safe while being filled.
 */
public final class ActivationPanel {
  /** Columns per vector tile. */
  public static final int TILE = 64;

  private byte[] data = new byte[0];
  private int rows;
  private int cols;
  private int stride;

  private ActivationPanel() {}

  /** A panel of {@code rows x cols} zero codes. */
  public static ActivationPanel allocate(int rows, int cols) {
    ActivationPanel p = new ActivationPanel();
    p.reshape(rows, cols);
    return p;
  }

  /** Gives the panel a new shape, reusing the buffer when possible; the content is zeroed. */
  public void reshape(int rows, int cols) {
    if (rows <= 0 || cols <= 0) {
      throw new IllegalArgumentException("panel shape must be positive, got " + rows + " x " + cols);
    }
    int s = roundUp(cols);
    long size = (long) rows * s;
    if (size > Integer.MAX_VALUE - 64) {
      throw new IllegalArgumentException("panel of " + rows + " x " + cols + " is too large");
    }
    if (data.length < size) {
      data = new byte[(int) size];
    } else {
      Arrays.fill(data, 0, (int) size, (byte) 0);
    }
    this.rows = rows;
    this.cols = cols;
    this.stride = s;
  }

  /** Copies a K x M row-major matrix of codes ({@code src[off + k * cols + m]}) into this panel. */
  public void packRows(byte[] src, int off) {
    for (int k = 0; k < rows; k++) {
      System.arraycopy(src, off + k * cols, data, k * stride, cols);
    }
  }

  /**
   * Copies an M x K row-major matrix ({@code src[off + m * rows + k]}, e.g. a batch of flattened feature vectors
   * of a dense layer) into this panel, transposing it.
   */
  public void packColumns(byte[] src, int off) {
    for (int m = 0; m < cols; m++) {
      int base = off + m * rows;
      for (int k = 0; k < rows; k++) {
        data[k * stride + m] = src[base + k];
      }
    }
  }

  /**
   * Writes into {@code out[0 .. cols)} the sum over k of each column's activation values (codes read as two's
   * complement when {@code signed}, as plain binary otherwise): the per-column term of zero-point corrections.
   */
  public void columnSums(boolean signed, int[] out) {
    Arrays.fill(out, 0, cols, 0);
    for (int k = 0; k < rows; k++) {
      int base = k * stride;
      for (int m = 0; m < cols; m++) {
        out[m] += signed ? data[base + m] : data[base + m] & 0xFF;
      }
    }
  }

  public int rows() {
    return rows;
  }

  public int cols() {
    return cols;
  }

  /** Distance in bytes between rows k and k + 1: {@code cols} rounded up to a multiple of {@link #TILE}. */
  public int stride() {
    return stride;
  }

  public byte get(int k, int m) {
    check(k, m);
    return data[k * stride + m];
  }

  public void set(int k, int m, byte code) {
    check(k, m);
    data[k * stride + m] = code;
  }

  byte[] data() {
    return data;
  }

  static int roundUp(int cols) {
    return (cols + TILE - 1) / TILE * TILE;
  }

  private void check(int k, int m) {
    if (k < 0 || k >= rows || m < 0 || m >= cols) {
      throw new IndexOutOfBoundsException("(" + k + ", " + m + ") outside " + rows + " x " + cols);
    }
  }
}
