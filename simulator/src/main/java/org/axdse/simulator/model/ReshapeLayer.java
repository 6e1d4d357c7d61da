package org.axdse.simulator.model;

/** A new shape for the same elements in the same order (Flatten, Reshape, Squeeze, Unsqueeze). */
public record ReshapeLayer(String name, Ports ports) implements Layer {
  public ReshapeLayer {
    Checks.name(name);
    Checks.inputs(ports, 1, name);
    Checks.require(ports.inputs().get(0).shape().size() == ports.output().shape().size(), name,
        "element count changes: " + ports);
  }

  @Override
  public String kind() {
    return "Reshape";
  }
}
