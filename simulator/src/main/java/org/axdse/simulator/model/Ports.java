package org.axdse.simulator.model;

import java.util.List;
import java.util.Objects;

/** The tensors a layer reads (in operand order) and the one tensor it writes. */
public record Ports(List<TensorInfo> inputs, TensorInfo output) {
  public Ports {
    inputs = List.copyOf(inputs);
    Objects.requireNonNull(output, "output");
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("a layer needs at least one input");
    }
  }

  public static Ports of(TensorInfo input, TensorInfo output) {
    return new Ports(List.of(input), output);
  }

  public static Ports of(TensorInfo input, String output, Shape outputShape) {
    return new Ports(List.of(input), new TensorInfo(output, outputShape));
  }
}
