package org.axdse.simulator.model;

import java.util.Objects;

/** Argument checks shared by the layer records' compact constructors. */
final class Checks {
  private Checks() {}

  static void require(boolean condition, String layer, String problem) {
    if (!condition) {
      throw new IllegalArgumentException("layer " + layer + ": " + problem);
    }
  }

  static void length(float[] array, long expected, String layer, String what) {
    Objects.requireNonNull(array, what);
    require(array.length == expected, layer, what + " has " + array.length + " values, expected " + expected);
  }

  static void name(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("layer name is empty");
    }
  }

  static void inputs(Ports ports, int count, String layer) {
    require(ports.inputs().size() == count, layer, "expects " + count + " input(s), got " + ports.inputs().size());
  }

  /**
   * The checks of a recurrent layer with {@code gates} gates: one {@code [T, inputSize]} input, output
   * {@code [T, hidden]}, input weights {@code [gates*hidden][inputSize]} and recurrent weights
   * {@code [gates*hidden][hidden]}.
   */
  static void recurrent(String name, Ports ports, int inputSize, int hidden, int gates, float[] w, float[] r) {
    name(name);
    inputs(ports, 1, name);
    Shape in = ports.inputs().get(0).shape();
    require(in.rank() == 2 && in.dim(1) == inputSize, name, "input shape " + in + " is not [T," + inputSize + "]");
    require(ports.output().shape().equals(Shape.of(in.dim(0), hidden)), name,
        "output shape " + ports.output().shape() + " is not [" + in.dim(0) + "," + hidden + "]");
    length(w, (long) gates * hidden * inputSize, name, "W");
    length(r, (long) gates * hidden * hidden, name, "R");
  }
}
