package org.axdse.explorer.pick;

import java.nio.file.Path;
import org.axdse.explorer.backend.ShareOptions;
import org.axdse.explorer.encoding.SharedChoices;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.results.run.RunConfig;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.engine.Evaluation;
import org.axdse.simulator.engine.SimulationSession;
import org.axdse.simulator.share.SharingPlan;
import org.axdse.simulator.share.variant.SharedEvaluations;

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
}
