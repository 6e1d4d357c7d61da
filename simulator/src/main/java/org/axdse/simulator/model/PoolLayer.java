package org.axdse.simulator.model;

/**
 * Max or average pooling of each channel of a {@code [C, H, W]} input over a {@link Window}. Average pooling
 * divides by the whole window when {@code countIncludePad}, else by the number of in-bounds elements (ONNX
 * {@code count_include_pad}). Global average pooling is a window covering the whole input.
 */
public record PoolLayer(String name, Ports ports, PoolKind pool, Window window, boolean countIncludePad)
    implements Layer {
  public PoolLayer {
    Checks.name(name);
    Checks.inputs(ports, 1, name);
    Shape in = ports.inputs().get(0).shape();
    Checks.require(in.rank() == 3, name, "input shape " + in + " is not [C,H,W]");
    Checks.require(window.dilationH() == 1 && window.dilationW() == 1, name, "dilated pooling");
    Shape expected = Shape.of(in.dim(0), window.outH(in.dim(1)), window.outW(in.dim(2)));
    Checks.require(ports.output().shape().equals(expected), name,
        "output shape " + ports.output().shape() + ", expected " + expected);
  }

  /** Global average pooling over a {@code [C, H, W]} input. */
  public static PoolLayer globalAverage(String name, TensorInfo input, String output) {
    Shape in = input.shape();
    return new PoolLayer(name, Ports.of(input, output, Shape.of(in.dim(0), 1, 1)), PoolKind.AVERAGE,
        new Window(in.dim(1), in.dim(2), 1, 1, 0, 0, 0, 0, 1, 1), false);
  }

  public boolean isGlobal() {
    Shape in = input().shape();
    return pool == PoolKind.AVERAGE && window.kH() == in.dim(1) && window.kW() == in.dim(2)
        && window.padTop() + window.padBottom() + window.padLeft() + window.padRight() == 0;
  }

  @Override
  public String kind() {
    return pool == PoolKind.MAX ? "MaxPool" : isGlobal() ? "GlobalAveragePool" : "AveragePool";
  }
}
