package org.axdse.simulator.model;

import java.util.Objects;

/** A named tensor and its per-sample shape. */
public record TensorInfo(String name, Shape shape) {
  public TensorInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(shape, "shape");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("tensor name is empty");
    }
  }

  @Override
  public String toString() {
    return name + shape;
  }
}
