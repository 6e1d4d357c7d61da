package org.axdse.simulator.model;

import java.util.List;

/**
 * Computes some layers of a {@link FloatExecutor} run in place of the float32 reference, for simulations that
 * change a layer's arithmetic (a number format) while the rest of the network stays float. Called from the calling
 * thread with batch-first operands that must not be modified; returns the layer's batch-first output, or null to
 * let the executor compute the layer.
 */
@FunctionalInterface
public interface LayerOverride {
  LayerOverride NONE = (layer, inputs, batch) -> null;

  float[] compute(Layer layer, List<float[]> inputs, int batch);
}
