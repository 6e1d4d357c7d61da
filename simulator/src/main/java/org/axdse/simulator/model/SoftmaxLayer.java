package org.axdse.simulator.model;

/**
 * Softmax along per-sample {@code axis}, or jointly over every axis from {@code axis} to the last when
 * {@code toEnd} (the semantics of ONNX Softmax before opset 13).
 */
public record SoftmaxLayer(String name, Ports ports, int axis, boolean toEnd) implements Layer {
  public SoftmaxLayer {
    Checks.name(name);
    Checks.inputs(ports, 1, name);
    Shape in = ports.inputs().get(0).shape();
    Checks.require(axis >= 0 && axis < in.rank(), name, "axis " + axis + " outside " + in);
    Checks.require(ports.output().shape().equals(in), name, "shape changes");
  }

  @Override
  public String kind() {
    return "Softmax";
  }
}
