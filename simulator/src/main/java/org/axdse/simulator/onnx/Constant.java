package org.axdse.simulator.onnx;

import java.util.Arrays;

/**
 * An initializer or Constant node's value: its dimensions and either float values or, for integer tensors,
 * exact 64-bit values (shapes, axes and slice bounds need INT64_MAX to survive).
 */
record Constant(long[] dims, float[] floats, long[] longs) {
  Constant {
    dims = dims.clone();
    if ((floats == null) == (longs == null)) {
      throw new IllegalArgumentException("exactly one of floats and longs");
    }
  }

  static Constant ofFloats(long[] dims, float[] values) {
    return new Constant(dims, values, null);
  }

  static Constant ofLongs(long[] dims, long[] values) {
    return new Constant(dims, null, values);
  }

  @Override
  public long[] dims() {
    return dims.clone();
  }

  int rank() {
    return dims.length;
  }

  int size() {
    return floats != null ? floats.length : longs.length;
  }

  boolean isInteger() {
    return longs != null;
  }

  /** The values as floats (integers converted). */
  float[] asFloats() {
    if (floats != null) {
      return floats;
    }
    float[] f = new float[longs.length];
    for (int i = 0; i < f.length; i++) {
      f[i] = longs[i];
    }
    return f;
  }

  boolean allZero() {
    return floats != null ? allZero(floats) : Arrays.stream(longs).allMatch(v -> v == 0);
  }

  private static boolean allZero(float[] v) {
    for (float x : v) {
      if (x != 0f) {
        return false;
      }
    }
    return true;
  }

  String describeDims() {
    return Arrays.toString(dims);
  }
}
