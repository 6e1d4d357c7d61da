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
  /**
   * The largest difference allowed on the logits (issue 18), relative to the largest |logit| when that is above 1:
   * a model tuned for approximate multipliers (ALWANN-compensated, say) can have float logits of 1e6, where
   * float32 rounding alone differs by more than 1e-4.
   */
  public static final double LIMIT = 1e-4;

  private FloatParity() {}

  /** The result of a check: the largest difference and the largest |output| of the float executor. */
  public record Result(double maxAbsDiff, double maxAbsOutput) {
    /** The difference in units of {@code max(1, maxAbsOutput)}. */
    public double scaled() {
      return maxAbsDiff / Math.max(1, maxAbsOutput);
    }

    public boolean passes() {
      return scaled() <= LIMIT;
    }
  }

  /** Max |graph - float executor| over the outputs of {@code batch} preprocessed samples {@code x}. */
  public static double maxAbsDiff(GraphNet net, float[] x, int batch) {
    return check(net, x, batch).maxAbsDiff();
  }

  /** The graph against the float executor on {@code batch} preprocessed samples {@code x}. */
  public static Result check(GraphNet net, float[] x, int batch) {
    float[] reference = FloatExecutor.of(net.toModel()).run(x, batch);
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray in = m.create(x, net.inputShape(batch)).toType(net.dataType(), false);
      double[] out = net.forward(in, net.model().output().name(), Map.of()).toType(
          ai.djl.ndarray.types.DataType.FLOAT64, false).toDoubleArray();
      double max = 0;
      double scale = 0;
      for (int i = 0; i < out.length; i++) {
        max = Math.max(max, Math.abs(out[i] - reference[i]));
        scale = Math.max(scale, Math.abs(reference[i]));
      }
      return new Result(max, scale);
    }
  }
}
