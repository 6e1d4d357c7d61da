package org.axdse.results.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.axdse.results.pareto.NonDominatedSorting;

/**
 * Everything a run directory holds, in memory: the configuration, every evaluated point, the front the search
 * reported, the per-generation history, the baselines and the timings.
 */
public record Run(
    RunConfig config,
    List<EvaluatedPoint> points,
    List<EvaluatedPoint> front,
    List<GenerationRecord> history,
    List<Baseline> baselines,
    Timings timings) {

  public Run {
    Objects.requireNonNull(config, "config");
    points = List.copyOf(points);
    front = List.copyOf(front);
    history = List.copyOf(history);
    baselines = List.copyOf(baselines);
    Objects.requireNonNull(timings, "timings");
  }

  /** The normalisation convention for this run's objectives. */
  public Normalization normalization() {
    return Normalization.standard(config);
  }

  /** The baseline named {@code name}, or null. */
  public Baseline baseline(String name) {
    return baselines.stream().filter(b -> b.name().equals(name)).findFirst().orElse(null);
  }

  /**
   * The non-dominated subset of {@code candidates} under the run's objectives (in natural orientation, not
   * normalised); points with an objective not evaluated are left out.
   */
  public static List<EvaluatedPoint> nonDominated(RunConfig config, List<EvaluatedPoint> candidates) {
    List<EvaluatedPoint> kept = new ArrayList<>();
    List<double[]> rows = new ArrayList<>();
    for (EvaluatedPoint p : candidates) {
      double[] natural = new double[config.objectives().size()];
      boolean complete = true;
      for (int k = 0; k < natural.length; k++) {
        natural[k] = config.metrics().get(k).value(p);
        complete &= !Double.isNaN(natural[k]);
      }
      if (complete) {
        kept.add(p);
        rows.add(config.objectiveSpace().toMinimization(natural));
      }
    }
    int[] idx = NonDominatedSorting.nonDominated(rows.toArray(new double[0][]));
    List<EvaluatedPoint> out = new ArrayList<>(idx.length);
    for (int i : idx) {
      out.add(kept.get(i));
    }
    return out;
  }
}
