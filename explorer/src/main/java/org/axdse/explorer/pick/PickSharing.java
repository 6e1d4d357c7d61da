package org.axdse.explorer.pick;

import java.nio.file.Path;
import org.axdse.explorer.backend.ShareOptions;
import org.axdse.explorer.encoding.SharedChoices;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.results.run.RunConfig;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.compensation.Compensation;
import org.axdse.simulator.compensation.CompensationCache;
import org.axdse.simulator.engine.Evaluation;
import org.axdse.simulator.engine.SimulationSession;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.quant.QuantizedModel;
import org.axdse.simulator.share.SharingPlan;
import org.axdse.simulator.share.variant.SharedCompensation;
import org.axdse.simulator.share.variant.SharedEvaluations;
import org.axdse.simulator.share.variant.SharedQuantizations;

/**
 * The weight sharing of a point picked from a run searched with {@code --share}: its layers' choices ({@code
 * MULTIPLIER@K}, {@link SharedChoices}) split into the multipliers and the sharing plan, which {@code deploy.json}
 * records and {@code --verify} evaluates as the search did (sharing after calibration).
 */
final class PickSharing {
  private PickSharing() {}

  /** The multipliers and sharing plan of {@code assignment} under the run's {@code "share"} setting. */
  static SharedChoices.Split split(RunConfig config, Path runJson, Assignment assignment) {
    Object label = config.settings().get("share");
    ShareOptions share;
    try {
      share = ShareOptions.fromLabel(label instanceof String s ? s : null);
    } catch (IllegalArgumentException e) {
      throw BadInputException.in(runJson, "run.settings.share: " + e.getMessage());
    }
    if (share == null) {
      if (SharedChoices.anyShared(assignment)) {
        throw BadInputException.in(runJson, "the point names shared choices (M@K) but the run has no share setting");
      }
      return new SharedChoices.Split(assignment, SharingPlan.none());
    }
    return SharedChoices.split(assignment, share.granularity());
  }

  /** {@code a} evaluated in {@code session} with {@code plan}'s sharing (none: the session's own evaluation). */
  static Evaluation evaluate(SimulationSession session, Assignment a, SharingPlan plan, int threads) {
    return plan.isEmpty() ? session.evaluate(a)
        : new SharedEvaluations(session, plan.granularity(), threads).evaluate(a, plan);
  }

  /** The compensation of {@code a} by {@code cache}, after {@code plan}'s sharing (as the search compensated it). */
  static Compensation compensate(CompensationCache cache, Model model, QuantizedModel q, Assignment a,
      SharingPlan plan, int threads) {
    return plan.isEmpty() ? cache.compute(a) : SharedCompensation.compute(cache,
        new SharedQuantizations(model, q, plan.granularity(), threads), a, plan, model.approximableLayers());
  }

  /** {@code a} evaluated in {@code session} with {@code plan}'s sharing and then {@code compensation}. */
  static Evaluation evaluate(SimulationSession session, Assignment a, SharingPlan plan, Compensation compensation,
      int threads) {
    if (plan.isEmpty()) {
      return session.evaluate(a, compensation.applyTo(session.atWidths(a)));
    }
    int[] all = new int[session.size()];
    java.util.Arrays.setAll(all, i -> i);
    return SharedCompensation.evaluate(new SharedEvaluations(session, plan.granularity(), threads), compensation, a,
        plan, all);
  }
}
