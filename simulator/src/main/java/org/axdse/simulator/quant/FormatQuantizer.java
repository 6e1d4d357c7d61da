package org.axdse.simulator.quant;

import org.axdse.multipliers.table.MultiplierFormat;

/**
 * The hook by which a layer's quantization follows the number format of the multiplier assigned to it: given an
 * approximable layer and the format of its design, the weights (codes, parameters, biases, requantization) that
 * design multiplies with. The activations and their calibrated parameters are shared by every format.
 *
 * <p>{@link WidthQuantizations} implements it for the integer formats {@code s8xN} / {@code u8xN} (weights
 * re-quantized at N bits). Another family of number formats (for example small floats) adds its own
 * implementation here; the session asks this interface, not a width, so nothing else changes. Implementations are
 * deterministic, thread-safe and cache their results.
 */
public interface FormatQuantizer {
  /** Approximable layer {@code index} quantized for multipliers of {@code format}. */
  LayerQuantization quantize(int index, MultiplierFormat format);

  /** True when this quantizer can serve {@code format}. */
  boolean supports(MultiplierFormat format);
}
