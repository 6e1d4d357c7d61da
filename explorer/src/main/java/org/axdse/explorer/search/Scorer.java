package org.axdse.explorer.search;

import io.jenetics.Optimize;
import io.jenetics.ext.moea.Vec;
import io.jenetics.ext.moea.VecFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.axdse.explorer.backend.CandidateResult;
import org.axdse.explorer.encoding.GenomeCodec;
import org.axdse.results.pareto.ObjectiveSpace;
import org.axdse.results.run.EvaluatedPoint;
import org.axdse.results.run.Metric;

/**
 * Turns an evaluation into an {@link EvaluatedPoint} and a point into objective vectors: the natural vector
 * (accuracy maximised, costs minimised) for the Pareto archive, and the Jenetics fitness for NSGA-II.
 *
 * <p>Constraint handling, {@code --max-accuracy-drop P}: a point is feasible when its screening accuracy is at
 * least the exact network's screening accuracy minus P percentage points. Infeasible points are <em>penalised,
 * not repaired</em>: their fitness becomes {@code (-v, B + v, ..., B + v)} with v the violation in points and B
 * = {@value #PENALTY_BASE}, so every feasible point dominates every infeasible one and, among infeasible points,
 * less violation dominates more. Infeasible points never enter the archive or a front.
 */
final class Scorer {
  static final double PENALTY_BASE = 1e6;

  private final GenomeCodec codec;
  private final ObjectiveSet objectives;
  private final ObjectiveSpace space;
  private final VecFactory<double[]> vecs;
  private final double minimumAccuracy;

  Scorer(GenomeCodec codec, ObjectiveSet objectives, double referenceAccuracy, double maxDropPoints) {
    this.codec = codec;
    this.objectives = objectives;
    this.space = new ObjectiveSpace(objectives.metrics().stream().map(Metric::direction).toList());
    List<Optimize> directions = new ArrayList<>();
    for (Metric m : objectives.metrics()) {
      directions.add(m.isAccuracy() ? Optimize.MAXIMUM : Optimize.MINIMUM);
    }
    this.vecs = VecFactory.ofDoubleVec(directions);
    this.minimumAccuracy = Double.isNaN(maxDropPoints) ? Double.NEGATIVE_INFINITY
        : referenceAccuracy - maxDropPoints / 100.0;
  }

  /** The point of a canonical genome evaluated at screening fidelity. */
  EvaluatedPoint point(int id, int generation, int[] genome, CandidateResult screening) {
    Set<String> distinct = codec.distinct(genome);
    double area = 0;
    for (String m : distinct) {
      area += codec.space().multiplier(m).relativeArea();
    }
    return new EvaluatedPoint(id, generation, genome, codec.layerMultipliers(genome),
        codec.allChannelMultipliers(genome), screening.accuracy(), Double.NaN, screening.multiplierEnergy(),
        screening.systemEnergy(), area, distinct.size(), screening.weightMemory(), screening.latency());
  }

  /** The least feasible screening accuracy (negative infinity without a constraint). */
  double minimumAccuracy() {
    return minimumAccuracy;
  }

  /** True when the point meets the accuracy constraint (at screening fidelity). */
  boolean feasible(EvaluatedPoint p) {
    return p.screeningAccuracy() >= minimumAccuracy - 1e-12;
  }

  /** The objective values in their natural orientation (accuracy: final when evaluated, else screening). */
  double[] natural(EvaluatedPoint p) {
    double[] v = new double[objectives.size()];
    for (int k = 0; k < v.length; k++) {
      v[k] = objectives.metrics().get(k).value(p);
    }
    return v;
  }

  /** The natural vector in minimisation form, for the archive. */
  double[] minimization(EvaluatedPoint p) {
    return space.toMinimization(natural(p));
  }

  /** NSGA-II fitness: the natural vector, or the penalty vector of an infeasible point. */
  Vec<double[]> fitness(EvaluatedPoint p) {
    if (feasible(p)) {
      return vecs.newVec(natural(p));
    }
    double violation = 100 * (minimumAccuracy - p.screeningAccuracy());
    double[] v = new double[objectives.size()];
    for (int k = 0; k < v.length; k++) {
      v[k] = objectives.metrics().get(k).isAccuracy() ? -violation : PENALTY_BASE + violation;
    }
    return vecs.newVec(v);
  }
}
