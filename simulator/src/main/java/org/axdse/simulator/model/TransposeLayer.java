package org.axdse.simulator.model;

import java.util.Arrays;

/** Permutes the per-sample axes: output axis {@code i} is input axis {@code perm[i]}. */
public record TransposeLayer(String name, Ports ports, int[] perm) implements Layer {
  public TransposeLayer {
    Checks.name(name);
    Checks.inputs(ports, 1, name);
    perm = perm.clone();
    Shape in = ports.inputs().get(0).shape();
    Checks.require(perm.length == in.rank(), name, "permutation " + Arrays.toString(perm) + " for " + in);
    int[] out = new int[perm.length];
    boolean[] seen = new boolean[perm.length];
    for (int i = 0; i < perm.length; i++) {
      Checks.require(perm[i] >= 0 && perm[i] < perm.length && !seen[perm[i]], name,
          "not a permutation: " + Arrays.toString(perm));
      seen[perm[i]] = true;
      out[i] = in.dim(perm[i]);
    }
    Checks.require(ports.output().shape().equals(Shape.of(out)), name, "output shape " + ports.output().shape());
  }

  @Override
  public int[] perm() {
    return perm.clone();
  }

  @Override
  public String kind() {
    return "Transpose";
  }
}
