package org.axdse.simulator.model;

/**
 * Elementwise {@code x * scale[c] + shift[c]} where {@code c} is the index along {@code axis}, or one scale and
 * shift for every element when the arrays have length 1. Holds a batch normalization that could not be folded
 * into a preceding layer, and multiplication or addition by a constant.
 */
public record AffineLayer(String name, Ports ports, int axis, float[] scale, float[] shift) implements Layer {
  public AffineLayer {
    Checks.name(name);
    Checks.inputs(ports, 1, name);
    Shape in = ports.inputs().get(0).shape();
    Checks.require(ports.output().shape().equals(in), name, "shape changes");
    Checks.require(scale.length == shift.length, name, "scale and shift lengths differ");
    Checks.require(scale.length == 1 || (axis >= 0 && axis < in.rank() && in.dim(axis) == scale.length), name,
        scale.length + " channels do not match axis " + axis + " of " + in);
  }

  @Override
  public String kind() {
    return "Affine";
  }

  /** Elements per sample that share one channel index and lie next to each other in memory. */
  public int innerSize() {
    return scale.length == 1 ? input().shape().size() : input().shape().size(axis + 1, input().shape().rank());
  }

  @Override
  public long parameterCount() {
    return 2L * scale.length;
  }
}
