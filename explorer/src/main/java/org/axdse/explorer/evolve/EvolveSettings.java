package org.axdse.explorer.evolve;

import java.time.Duration;
import java.util.List;
import org.axdse.multipliers.cgp.ErrorMeasure;
import org.axdse.multipliers.cgp.GenomeMutation;

/**
 * How circuits are evolved: the error measure and its bounds (one run per bound and layer), the (1 + lambda) ES
 * parameters, the seed, and when a run stops: after {@code generations} (0: no limit) or when its share of
 * {@code budget} (null: no limit) is used, whichever comes first. A generation limit gives results reproducible
 * from the seed; a time limit gives whatever generation the run reached.
 *
 * @param measure the bounded error
 * @param thresholds the bounds, ascending, each > 0
 * @param lambda mutants per generation
 * @param mutations most genes changed per mutant
 * @param spare inactive nodes appended to the seed circuit's genome
 * @param seed the random seed of every run
 * @param generations generations per run, 0 for no limit
 * @param budget wall time of the whole evolution, or null
 * @param streamLength operand pairs of the power stream during evolution
 * @param checkpointSeconds seconds between a run's checkpoints (it also writes one at its end)
 */
public record EvolveSettings(ErrorMeasure measure, List<Double> thresholds, int lambda, int mutations, int spare,
    long seed, long generations, Duration budget, int streamLength, int checkpointSeconds) {
  public EvolveSettings {
    if (thresholds.isEmpty()) {
      throw new IllegalArgumentException("need at least one error bound");
    }
    for (double t : thresholds) {
      if (!(t > 0) || !Double.isFinite(t)) {
        throw new IllegalArgumentException("error bounds must be finite and > 0, got " + t);
      }
    }
    thresholds = thresholds.stream().sorted().distinct().toList();
    if (lambda < 1 || mutations < 1 || spare < 0 || generations < 0 || streamLength < 64 || streamLength % 64 != 0) {
      throw new IllegalArgumentException("lambda, mutations >= 1, spare, generations >= 0, stream a multiple of 64");
    }
    if (checkpointSeconds < 1) {
      throw new IllegalArgumentException("checkpoint interval must be >= 1 s");
    }
    if (generations == 0 && budget == null) {
      throw new IllegalArgumentException("give a generation limit or a time budget");
    }
    if (budget != null && (budget.isZero() || budget.isNegative())) {
      throw new IllegalArgumentException("the time budget must be positive");
    }
  }

  public GenomeMutation mutation() {
    return GenomeMutation.of(mutations);
  }

  /** The bound in plain decimals without trailing zeros ({@code 0.012}), as used in design and file names. */
  static String label(double threshold) {
    return java.math.BigDecimal.valueOf(threshold).stripTrailingZeros().toPlainString();
  }

  /** What identifies one run: a checkpoint is resumed only by a run with the same key. */
  String key(String layer, String seedDesign, double threshold) {
    return layer + "/" + measure.label() + "<=" + threshold + "/seed " + seed + "/lambda " + lambda + "/h "
        + mutations + "/spare " + spare + "/stream " + streamLength + "/from " + seedDesign;
  }
}
