package org.axdse.simulator.model;

/**
 * Nearest-neighbour upsampling of a {@code [C, H, W]} input by integer factors: output element {@code (c, y, x)}
 * is input element {@code (c, y / scaleH, x / scaleW)} (integer division), so each input element is repeated
 * {@code scaleH x scaleW} times. This is ONNX Resize/Upsample in nearest mode as {@code torch.onnx.export} writes
 * {@code nn.Upsample(scale_factor=2)} and {@code F.interpolate(mode='nearest')}. A code move: no arithmetic.
 */
public record ResizeLayer(String name, Ports ports, int scaleH, int scaleW) implements Layer {
  public ResizeLayer {
    Checks.name(name);
    Checks.inputs(ports, 1, name);
    Checks.require(scaleH >= 1 && scaleW >= 1, name, "scale factors " + scaleH + " x " + scaleW + " are not positive");
    Shape in = ports.inputs().get(0).shape();
    Checks.require(in.rank() == 3, name, "input shape " + in + " is not [C,H,W]");
    Shape expected = Shape.of(in.dim(0), in.dim(1) * scaleH, in.dim(2) * scaleW);
    Checks.require(ports.output().shape().equals(expected), name,
        "output shape " + ports.output().shape() + ", expected " + expected);
  }

  /** The input index along per-sample axis {@code axis} (0 channel, 1 height, 2 width) of output index {@code i}. */
  public int source(int axis, int i) {
    return axis == 1 ? i / scaleH : axis == 2 ? i / scaleW : i;
  }

  @Override
  public String kind() {
    return "Resize";
  }
}
