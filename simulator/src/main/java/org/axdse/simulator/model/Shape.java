package org.axdse.simulator.model;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The shape of one sample of a tensor: every dimension except the leading batch dimension, which is dynamic.
 * A rank-0 shape is one scalar per sample. Immutable; dimensions are positive.
 */
public final class Shape {
  /** Largest element count per sample we accept; larger claims are malformed models, not real tensors. */
  public static final long MAX_ELEMENTS = 1L << 28;

  private final int[] dims;

  private Shape(int[] dims) {
    for (int d : dims) {
      if (d <= 0) {
        throw new IllegalArgumentException("dimension must be positive: " + Arrays.toString(dims));
      }
    }
    long n = 1;
    for (int d : dims) {
      n *= d;
      if (n > MAX_ELEMENTS) {
        throw new IllegalArgumentException("shape " + Arrays.toString(dims) + " exceeds " + MAX_ELEMENTS
            + " elements per sample");
      }
    }
    this.dims = dims;
  }

  public static Shape of(int... dims) {
    return new Shape(dims.clone());
  }

  public int rank() {
    return dims.length;
  }

  public int dim(int axis) {
    return dims[axis];
  }

  public int[] dims() {
    return dims.clone();
  }

  /** Number of elements per sample. */
  public int size() {
    int n = 1;
    for (int d : dims) {
      n *= d;
    }
    return n;
  }

  /** Product of the dimensions from {@code from} (inclusive) to {@code to} (exclusive). */
  public int size(int from, int to) {
    int n = 1;
    for (int i = from; i < to; i++) {
      n *= dims[i];
    }
    return n;
  }

  /** This shape with {@code axis} set to {@code value}. */
  public Shape with(int axis, int value) {
    int[] d = dims.clone();
    d[axis] = value;
    return new Shape(d);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Shape s && Arrays.equals(dims, s.dims);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(dims);
  }

  /** Like {@code [3,32,32]}. */
  @Override
  public String toString() {
    return Arrays.stream(dims).mapToObj(Integer::toString).collect(Collectors.joining(",", "[", "]"));
  }
}
