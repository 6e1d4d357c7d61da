package org.axdse.simulator.model;

import java.util.List;

/**
 * Observes each layer's operands and result as a {@link FloatExecutor} runs, for calibration (ranges of the inputs
 * and outputs of approximable layers) and debugging. Called once per layer per batch, in execution order, from
 * the calling thread; tensors are batch-first, {@code batch * shape.size()} values, and must not be modified.
 */
@FunctionalInterface
public interface ActivationTap {
  ActivationTap NONE = (layer, inputs, output, batch) -> {};

  void observe(Layer layer, List<float[]> inputs, float[] output, int batch);
}
