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
}
