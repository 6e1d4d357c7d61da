package org.axdse.simulator.model;

/**
 * An elementwise {@link UnaryFunction} (Sigmoid, Tanh, HardSigmoid, HardSwish, LeakyRelu/PRelu, Elu, Selu, Softplus,
 * Erf). {@code alpha} holds one value for every element, or one per index along {@code axis} (PRelu's per-channel
 * slopes); {@code beta} is HardSigmoid's offset. Not approximable: it has no weight products, it only changes what
 * follows.
 */
public record UnaryLayer(String name, Ports ports, UnaryFunction function, int axis, float[] alpha, float beta)
    implements Layer {
  public UnaryLayer {
    Checks.name(name);
    Checks.inputs(ports, 1, name);
    Shape in = ports.inputs().get(0).shape();
    Checks.require(ports.output().shape().equals(in), name, "shape changes");
    Checks.require(function != null, name, "no function");
    Checks.require(alpha.length >= 1, name, "alpha is empty");
    Checks.require(alpha.length == 1 || (axis >= 0 && axis < in.rank() && in.dim(axis) == alpha.length), name,
        alpha.length + " slopes do not match axis " + axis + " of " + in);
  }

  /** One parameter pair for every element. */
  public static UnaryLayer of(String name, Ports ports, UnaryFunction function, float alpha, float beta) {
    return new UnaryLayer(name, ports, function, 0, new float[] {alpha}, beta);
  }

  @Override
  public String kind() {
    return function.onnx();
  }

  /** Elements per sample that share one alpha and lie next to each other in memory. */
  public int innerSize() {
    Shape in = input().shape();
    return alpha.length == 1 ? in.size() : in.size(axis + 1, in.rank());
  }

  /** The alpha of element {@code i} of one sample. */
  public float alphaAt(int i) {
    return alpha.length == 1 ? alpha[0] : alpha[(i / innerSize()) % alpha.length];
  }

  @Override
  public long parameterCount() {
    return alpha.length == 1 ? 0 : alpha.length;
  }
}
