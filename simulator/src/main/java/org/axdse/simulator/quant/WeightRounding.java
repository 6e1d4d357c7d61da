package org.axdse.simulator.quant;

/**
 * How the weights of a layer are rounded when {@link WidthQuantizations} quantizes it at a width other than the
 * calibration's: the scales, zero points, biases and requantization multipliers stay those of min/max quantization
 * at that width, only the codes change (nearest rounding when a {@link QuantizedModel} names none). Implementations
 * are deterministic and thread-safe.
 */
public interface WeightRounding {
  /** Approximable layer {@code index} with other codes than {@code nearest} (its nearest-rounded form) has. */
  LayerQuantization round(int index, LayerQuantization nearest);

  /** The name recorded in {@code QuantizedModel.toJson} ({@code config.weightRounding}), e.g. {@code gptq}. */
  String label();
}
