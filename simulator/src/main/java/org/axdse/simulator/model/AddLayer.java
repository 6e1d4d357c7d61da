package org.axdse.simulator.model;

/** Elementwise sum of two tensors of the same shape (residual connections). */
public record AddLayer(String name, Ports ports) implements Layer {
  public AddLayer {
    Checks.name(name);
    Checks.inputs(ports, 2, name);
    Shape a = ports.inputs().get(0).shape();
    Checks.require(a.equals(ports.inputs().get(1).shape()) && a.equals(ports.output().shape()), name,
        "operand shapes differ: " + ports);
  }

  @Override
  public String kind() {
    return "Add";
  }
}
