package org.axdse.simulator.model;

/**
 * A fully connected layer {@code y = W x + b} applied to the last axis of its input: an input {@code [..., in]}
 * gives {@code [..., out]} (one row per leading index, as ONNX MatMul does). Weights are {@code [out][in]}
 * row-major; bias is {@code [out]} (zeros when the model has none). Imported from Gemm or MatMul (+ Add).
 */
public record DenseLayer(String name, Ports ports, int inFeatures, int outFeatures, float[] weights, float[] bias)
    implements ApproximableLayer {
  public DenseLayer {
    Checks.name(name);
    Checks.inputs(ports, 1, name);
    Shape in = ports.inputs().get(0).shape();
    Checks.require(in.rank() >= 1 && in.dim(in.rank() - 1) == inFeatures, name,
        "input shape " + in + " does not end in " + inFeatures);
    Shape expected = in.with(in.rank() - 1, outFeatures);
    Checks.require(ports.output().shape().equals(expected), name,
        "output shape " + ports.output().shape() + ", expected " + expected);
    Checks.length(weights, (long) outFeatures * inFeatures, name, "weights");
    Checks.length(bias, outFeatures, name, "bias");
  }

  @Override
  public String kind() {
    return "Dense";
  }

  /** Number of input rows per sample (1 for a plain {@code [in]} input). */
  public int rows() {
    return input().shape().size() / inFeatures;
  }

  @Override
  public long macsPerSample() {
    return (long) rows() * inFeatures * outFeatures;
  }

  @Override
  public long parameterCount() {
    return (long) weights.length + bias.length;
  }
}
