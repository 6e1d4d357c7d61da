package org.axdse.simulator.model;

/**
 * 2-D convolution over a {@code [inC, H, W]} input with {@code groups} channel groups (depthwise when
 * {@code groups == inC}). Weights are {@code [outC][inC/groups][kH][kW]} row-major; bias is {@code [outC]}
 * (zeros when the model has none). Output {@code [outC, outH, outW]}.
 */
public record ConvLayer(
    String name, Ports ports, int inC, int outC, Window window, int groups, float[] weights, float[] bias)
    implements ApproximableLayer {
  public ConvLayer {
    Checks.name(name);
    Checks.inputs(ports, 1, name);
    Checks.require(groups >= 1 && inC % groups == 0 && outC % groups == 0, name,
        "groups " + groups + " must divide inC " + inC + " and outC " + outC);
    Shape in = ports.inputs().get(0).shape();
    Checks.require(in.rank() == 3 && in.dim(0) == inC, name, "input shape " + in + " is not [" + inC + ",H,W]");
    Shape expected = Shape.of(outC, window.outH(in.dim(1)), window.outW(in.dim(2)));
    Checks.require(ports.output().shape().equals(expected), name,
        "output shape " + ports.output().shape() + ", expected " + expected);
    Checks.length(weights, (long) outC * (inC / groups) * window.kH() * window.kW(), name, "weights");
    Checks.length(bias, outC, name, "bias");
  }

  @Override
  public String kind() {
    return "Conv";
  }

  /** Products per output value: the receptive field of one group. */
  public int fanIn() {
    return inC / groups * window.kH() * window.kW();
  }

  @Override
  public long macsPerSample() {
    return (long) ports.output().shape().size() * fanIn();
  }

  @Override
  public long parameterCount() {
    return (long) weights.length + bias.length;
  }
}
