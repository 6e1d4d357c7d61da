package org.axdse.simulator.share.variant;

import java.util.List;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.compensation.Compensation;
import org.axdse.simulator.compensation.CompensationCache;
import org.axdse.simulator.engine.Evaluation;
import org.axdse.simulator.model.ApproximableLayer;
import org.axdse.simulator.quant.LayerQuantization;
import org.axdse.simulator.quant.QuantizedModel;
import org.axdse.simulator.share.SharingPlan;

/**
 * Compensation after weight sharing: an (assignment, sharing plan) pair compensated on its shared layers (each
 * quantized at its multiplier's width), then evaluated as {@link SharedEvaluations} evaluates it. Bias correction
 * then also removes each shared layer's mean weight shift against the unshared widest-width layer. An empty plan
 * is the ordinary compensation of the session's layers at their widths.
 */
public final class SharedCompensation {
  private SharedCompensation() {}

  /** The compensation of {@code assignment} with {@code plan}'s sharing. */
  public static Compensation compute(CompensationCache cache, SharedQuantizations shared, Assignment assignment,
      SharingPlan plan, List<ApproximableLayer> layers) {
    if (plan.isEmpty()) {
      return cache.compute(assignment);
    }
    return cache.compute(assignment, new CompensationCache.Layers() {
      @Override
      public LayerQuantization layer(int index, int bits) {
        int k = plan.kOf(layers.get(index).name());
        return k == 0 ? null : shared.layer(index, k, bits);
      }

      @Override
      public String key(int index) {
        return "k" + plan.kOf(layers.get(index).name());
      }
    });
  }

  /** {@code assignment} shared as {@code plan} says and compensated by {@code compensation}, on {@code images}. */
  public static Evaluation evaluate(SharedEvaluations evaluations, Compensation compensation, Assignment assignment,
      SharingPlan plan, int[] images) {
    var session = evaluations.session();
    QuantizedModel v = plan.isEmpty() ? session.atWidths(assignment)
        : evaluations.quantizations().variant(plan, session.layerWidths(assignment));
    return session.evaluateAtWidths(assignment, images, compensation.layers().isEmpty() ? v
        : compensation.applyTo(v));
  }

  /** As {@link #evaluate(SharedEvaluations, Compensation, Assignment, SharingPlan, int[])} on every image. */
  public static Evaluation evaluate(SharedEvaluations evaluations, Compensation compensation, Assignment assignment,
      SharingPlan plan) {
    int[] all = new int[evaluations.session().size()];
    java.util.Arrays.setAll(all, i -> i);
    return evaluate(evaluations, compensation, assignment, plan, all);
  }
}
