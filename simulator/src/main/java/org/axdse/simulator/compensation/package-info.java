/**
 * Cheap compensation of the error approximate multipliers add to a quantized network, without training: bias
 * correction (fold the mean accumulator error of each output channel into its int32 bias) and weight tuning as in
 * ALWANN (Mrazek et al., ICCAD 2019: remap each weight code to the code whose approximate products best match the
 * exact ones under the layer's activation distribution). A {@link org.axdse.simulator.compensation.Compensation}
 * records the adjustments for one assignment and applies them to a
 * {@link org.axdse.simulator.quant.QuantizedModel}; the result runs in an ordinary simulation session. LSTM and GRU
 * layers are left unchanged (their bias and gates are float). A search compensates every candidate through one
 * {@link org.axdse.simulator.compensation.CompensationCache} (one exact calibration pass, then memoised per layer
 * and multiplier). Retraining is only an interface here
 * ({@link org.axdse.simulator.compensation.Retrainer}); the training build implements it.
 */
package org.axdse.simulator.compensation;
