package org.axdse.simulator.model;

import java.util.Arrays;

/**
 * Strided selection: output index {@code j} along per-sample axis {@code i} reads input index
 * {@code starts[i] + j * steps[i]}; the output shape gives the count per axis. Steps may be negative.
 */
public record SliceLayer(String name, Ports ports, int[] starts, int[] steps) implements Layer {
  public SliceLayer {
    Checks.name(name);
    Checks.inputs(ports, 1, name);
    starts = starts.clone();
    steps = steps.clone();
    Shape in = ports.inputs().get(0).shape();
    Shape out = ports.output().shape();
    Checks.require(starts.length == in.rank() && steps.length == in.rank() && out.rank() == in.rank(), name,
        "slice rank differs from " + in);
    for (int i = 0; i < starts.length; i++) {
      long last = starts[i] + (long) (out.dim(i) - 1) * steps[i];
      Checks.require(steps[i] != 0 && starts[i] >= 0 && starts[i] < in.dim(i) && last >= 0 && last < in.dim(i),
          name, "slice starts " + Arrays.toString(starts) + " steps " + Arrays.toString(steps) + " outside " + in);
    }
  }

  @Override
  public int[] starts() {
    return starts.clone();
  }

  @Override
  public int[] steps() {
    return steps.clone();
  }

  @Override
  public String kind() {
    return "Slice";
  }
}
