package org.axdse.explorer.training.graph;

import ai.djl.ndarray.NDArray;
import org.axdse.simulator.quant.QuantParams;

/**
 * Fake quantization of a float tensor with calibrated parameters, outside the gradient: the real value of each
 * element's code, {@code s * (clamp(round(x / s) + z, qmin, qmax) - z)} (Jacob et al., CVPR 2018), computed as
 * {@code s * clamp(round(x / s), qmin - z, qmax - z)} in four tensor operations. PyTorch rounds halves to even where
 * {@link QuantParams#quantize} rounds them away from zero, and works in float32, so an element within float
 * rounding of a half step may take the neighbouring code the engine would not.
 */
final class FakeQuant {
  private FakeQuant() {}

  /** The dequantized codes of {@code x} (no gradient), in {@code x}'s manager and type. */
  static NDArray apply(NDArray x, QuantParams p) {
    return x.stopGradient().div(p.scale()).round().clip(p.qmin() - p.zeroPoint(), p.qmax() - p.zeroPoint())
        .mul(p.scale());
  }
}
