package org.axdse.explorer.training.graph;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Map;
import org.axdse.simulator.model.FloatExecutor;

/**
 * The check made before any training: the built graph's float forward against the simulator's
 * {@link FloatExecutor} on the same model and inputs, as the largest absolute difference of the model outputs.
 */
public final class FloatParity {
  /** The largest difference allowed on the logits (issue 18). */
  public static final double LIMIT = 1e-4;

  private FloatParity() {}

  /** Max |graph - float executor| over the outputs of {@code batch} preprocessed samples {@code x}. */
  public static double maxAbsDiff(GraphNet net, float[] x, int batch) {
    float[] reference = FloatExecutor.of(net.toModel()).run(x, batch);
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray in = m.create(x, net.inputShape(batch)).toType(net.dataType(), false);
      double[] out = net.forward(in, net.model().output().name(), Map.of()).toType(
          ai.djl.ndarray.types.DataType.FLOAT64, false).toDoubleArray();
      double max = 0;
      for (int i = 0; i < out.length; i++) {
        max = Math.max(max, Math.abs(out[i] - reference[i]));
      }
      return max;
    }
  }
}
