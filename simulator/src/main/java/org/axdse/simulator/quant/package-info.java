/**
 * Quantization ranges and parameters: a mergeable, order-independent {@link
 * org.axdse.simulator.quant.ActivationHistogram} of calibration values, clipping-range selection (min/max,
 * percentile, MSE-optimal), the scale and zero-point math of symmetric and asymmetric N-bit quantization, and
 * fixed-point requantization multipliers. Apart from the histogram accumulator, everything here is an immutable
 * value or a pure function; the real value 0.0 always maps exactly to the zero point.
 */
package org.axdse.simulator.quant;
