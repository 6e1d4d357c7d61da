package org.axdse.explorer.pick;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.results.run.EvaluatedPoint;
import org.axdse.results.run.Metric;

/**
 * Chooses one point of a run's front under a {@link Constraint}.
 *
 * <ul>
 *   <li>{@code max_accuracy_drop P}: among the points whose top-1 accuracy is at most {@code P} percentage points
 *       below the exact network's, the one of <b>lowest energy</b>; ties go to the higher accuracy, then the lower
 *       id. The drop is measured at one fidelity for both: final (the full test set) when the point and the exact
 *       point both have it, else screening; a point with neither in common does not qualify.
 *   <li>{@code max_energy E}: among the points whose energy is at most {@code E}, the one of <b>highest
 *       accuracy</b> (final when evaluated, else screening, as the run's {@code accuracy} metric); ties go to the
 *       lower energy, then the lower id.
 * </ul>
 *
 * A bound holds up to {@code 1e-9} (so a drop of exactly 0.5 points satisfies 0.5). When no point qualifies, the
 * error is one line naming the best available point (least drop, or least energy).
 */
public final class FrontPicker {
  static final double SLACK = 1e-9;

  private FrontPicker() {}

  /**
   * @param exact the run's all-exact point, or null (then only {@code max_energy} works)
   * @param source the front's file, named in errors
   */
  public static Pick pick(List<EvaluatedPoint> front, EvaluatedPoint exact, Constraint constraint, Metric energy,
      Path source) {
    Objects.requireNonNull(constraint, "constraint");
    if (front.isEmpty()) {
      throw BadInputException.in(source, "the front has no points to pick from");
    }
    return constraint.kind() == Constraint.Kind.MAX_ACCURACY_DROP
        ? byDrop(front, exact, constraint, energy, source)
        : byEnergy(front, constraint, energy, source);
  }

  private static Pick byDrop(List<EvaluatedPoint> front, EvaluatedPoint exact, Constraint c, Metric energy,
      Path source) {
    if (exact == null) {
      throw BadInputException.in(source, "the run has no all-exact point to measure the accuracy drop from"
          + " (it is written by the uniform baseline); use --max-energy instead");
    }
    List<Pick> measured = front.stream().map(p -> measure(p, exact, c, energy)).filter(Objects::nonNull).toList();
    if (measured.isEmpty()) {
      throw BadInputException.in(source, "no front point was evaluated at a fidelity the exact point has");
    }
    List<Pick> ok = measured.stream().filter(p -> !Double.isNaN(p.energy()) && p.drop() <= c.limit() + SLACK)
        .toList();
    if (ok.isEmpty()) {
      Pick best = measured.stream().min(Comparator.comparingDouble(Pick::drop)
          .thenComparingInt(p -> p.point().id())).orElseThrow();
      throw new BadInputException(String.format(Locale.ROOT, "no front point is within %s points of the exact "
          + "accuracy; the best available is point %d, %.2f points below exact (%.2f%% vs %.2f%%, %s) at %s %.4f",
          number(c.limit()), best.point().id(), best.drop(), 100 * best.accuracy(), 100 * best.referenceAccuracy(),
          best.fidelity(), energy.key(), best.energy()));
    }
    return ok.stream().min(Comparator.comparingDouble(Pick::energy)
        .thenComparing(Comparator.comparingDouble(Pick::accuracy).reversed())
        .thenComparingInt(p -> p.point().id())).orElseThrow();
  }

  private static Pick byEnergy(List<EvaluatedPoint> front, Constraint c, Metric energy, Path source) {
    List<Pick> measured = front.stream()
        .filter(p -> !Double.isNaN(energy.value(p)) && !Double.isNaN(Metric.ACCURACY.value(p)))
        .map(p -> new Pick(p, c, Double.isNaN(p.finalAccuracy()) ? "screening" : "final",
            Metric.ACCURACY.value(p), Double.NaN, energy, energy.value(p)))
        .toList();
    if (measured.isEmpty()) {
      throw BadInputException.in(source, "no front point has both an accuracy and a " + energy.key());
    }
    List<Pick> ok = measured.stream().filter(p -> p.energy() <= c.limit() + SLACK).toList();
    if (ok.isEmpty()) {
      Pick best = measured.stream().min(Comparator.comparingDouble(Pick::energy)
          .thenComparingInt(p -> p.point().id())).orElseThrow();
      throw new BadInputException(String.format(Locale.ROOT, "no front point has %s <= %s; the best available "
          + "is point %d at %.4f (accuracy %.2f%%, %s)", energy.key(), number(c.limit()), best.point().id(),
          best.energy(), 100 * best.accuracy(), best.fidelity()));
    }
    return ok.stream().min(Comparator.comparing(Pick::accuracy, Comparator.reverseOrder())
        .thenComparingDouble(Pick::energy)
        .thenComparingInt(p -> p.point().id())).orElseThrow();
  }

  /** The point measured against {@code exact} at their common fidelity, or null when they share none. */
  private static Pick measure(EvaluatedPoint p, EvaluatedPoint exact, Constraint c, Metric energy) {
    if (!Double.isNaN(p.finalAccuracy()) && !Double.isNaN(exact.finalAccuracy())) {
      return new Pick(p, c, "final", p.finalAccuracy(), exact.finalAccuracy(), energy, energy.value(p));
    }
    if (!Double.isNaN(p.screeningAccuracy()) && !Double.isNaN(exact.screeningAccuracy())) {
      return new Pick(p, c, "screening", p.screeningAccuracy(), exact.screeningAccuracy(), energy,
          energy.value(p));
    }
    return null;
  }

  /**
   * The run's all-exact point: a point of {@code candidates} (points, front and baselines) whose every layer and
   * channel uses {@code exactMultiplier}; one evaluated at final fidelity is preferred. Null when there is none.
   */
  public static EvaluatedPoint exactPoint(List<EvaluatedPoint> candidates, String exactMultiplier) {
    EvaluatedPoint found = null;
    for (EvaluatedPoint p : candidates) {
      boolean allExact = !p.layerMultipliers().isEmpty()
          && p.layerMultipliers().stream().allMatch(exactMultiplier::equals)
          && p.channelMultipliers().stream().flatMap(List::stream).allMatch(exactMultiplier::equals);
      if (allExact && (found == null || Double.isNaN(found.finalAccuracy()) && !Double.isNaN(p.finalAccuracy()))) {
        found = p;
      }
    }
    return found;
  }

  private static String number(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }
}
