package org.axdse.simulator.model;

/** Joins its inputs along per-sample {@code axis}; all other dimensions agree. */
public record ConcatLayer(String name, Ports ports, int axis) implements Layer {
  public ConcatLayer {
    Checks.name(name);
    Shape first = ports.inputs().get(0).shape();
    Checks.require(axis >= 0 && axis < first.rank(), name, "axis " + axis + " outside " + first);
    int total = 0;
    for (TensorInfo t : ports.inputs()) {
      Shape s = t.shape();
      Checks.require(s.rank() == first.rank() && s.with(axis, 1).equals(first.with(axis, 1)), name,
          "shapes differ off axis " + axis + ": " + ports.inputs());
      total += s.dim(axis);
    }
    Checks.require(ports.output().shape().equals(first.with(axis, total)), name,
        "output shape " + ports.output().shape());
  }

  @Override
  public String kind() {
    return "Concat";
  }
}
