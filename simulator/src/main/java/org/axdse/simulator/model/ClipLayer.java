package org.axdse.simulator.model;

/** Elementwise {@code min(max(x, min), max)}: ReLU is {@code [0, +inf)}, ReLU6 is {@code [0, 6]}. */
public record ClipLayer(String name, Ports ports, float min, float max) implements Layer {
  public ClipLayer {
    Checks.name(name);
    Checks.inputs(ports, 1, name);
    Checks.require(!(min > max), name, "min " + min + " above max " + max);
    Checks.require(ports.output().shape().equals(ports.inputs().get(0).shape()), name, "shape changes");
  }

  public static ClipLayer relu(String name, Ports ports) {
    return new ClipLayer(name, ports, 0f, Float.POSITIVE_INFINITY);
  }

  public boolean isRelu() {
    return min == 0f && max == Float.POSITIVE_INFINITY;
  }

  @Override
  public String kind() {
    return isRelu() ? "Relu" : "Clip";
  }
}
