package org.axdse.simulator.share.variant;

import java.util.List;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.engine.Evaluation;
import org.axdse.simulator.engine.SimulationSession;
import org.axdse.simulator.share.ShareGranularity;
import org.axdse.simulator.share.SharingMemory;
import org.axdse.simulator.share.SharingPlan;

/**
 * Evaluations of (assignment, sharing plan) pairs in one {@link SimulationSession}: the session's calibration,
 * each layer quantized at its multiplier's width with its weights shared as the plan says ({@link
 * SharedQuantizations}). An empty plan evaluates exactly as {@link SimulationSession#evaluate(Assignment, int[])}.
 * Energy is the session's: the multipliers' power under the operand statistics of the unshared calibration.
 */
public final class SharedEvaluations {
  private final SimulationSession session;
  private final SharedQuantizations quantizations;

  public SharedEvaluations(SimulationSession session, ShareGranularity granularity, int threads) {
    this.session = session;
    this.quantizations = new SharedQuantizations(session.model(), session.quantization(), granularity, threads);
  }

  public SimulationSession session() {
    return session;
  }

  public SharedQuantizations quantizations() {
    return quantizations;
  }

  /** {@code assignment} with the weights shared as {@code plan} says, on the images at {@code imageIndices}. */
  public Evaluation evaluate(Assignment assignment, SharingPlan plan, int[] imageIndices) {
    if (plan.isEmpty()) {
      return session.evaluate(assignment, imageIndices);
    }
    return session.evaluateAtWidths(assignment, imageIndices,
        quantizations.variant(plan, session.layerWidths(assignment)));
  }

  /** As {@link #evaluate(Assignment, SharingPlan, int[])} on every image. */
  public Evaluation evaluate(Assignment assignment, SharingPlan plan) {
    int[] all = new int[session.size()];
    java.util.Arrays.setAll(all, i -> i);
    return evaluate(assignment, plan, all);
  }

  /** Weight memory of {@code assignment}'s widths with {@code plan}'s sharing. */
  public SharingMemory.Memory memory(Assignment assignment, SharingPlan plan) {
    List<int[]> widths = session.layerWidths(assignment);
    return quantizations.memory(plan, widths);
  }
}
