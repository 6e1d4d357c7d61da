package org.axdse.simulator.model;

import java.util.Arrays;

/** Constant padding: {@code begin[i]} and {@code end[i]} elements of {@code value} around per-sample axis i. */
public record PadLayer(String name, Ports ports, int[] begin, int[] end, float value) implements Layer {
  public PadLayer {
    Checks.name(name);
    Checks.inputs(ports, 1, name);
    begin = begin.clone();
    end = end.clone();
    Shape in = ports.inputs().get(0).shape();
    Checks.require(begin.length == in.rank() && end.length == in.rank(), name, "pads rank differs from " + in);
    int[] out = new int[in.rank()];
    for (int i = 0; i < out.length; i++) {
      Checks.require(begin[i] >= 0 && end[i] >= 0, name, "negative pads " + Arrays.toString(begin));
      out[i] = in.dim(i) + begin[i] + end[i];
    }
    Checks.require(ports.output().shape().equals(Shape.of(out)), name, "output shape " + ports.output().shape());
  }

  @Override
  public int[] begin() {
    return begin.clone();
  }

  @Override
  public int[] end() {
    return end.clone();
  }

  @Override
  public String kind() {
    return "Pad";
  }
}
