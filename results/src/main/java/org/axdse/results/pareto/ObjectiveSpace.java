package org.axdse.results.pareto;

import java.util.List;

/**
 * The directions of a list of objectives; converts vectors in their natural orientation (accuracy maximised,
 * energy minimised) to the minimisation form every algorithm in this package expects.
 */
public record ObjectiveSpace(List<Direction> directions) {
  public ObjectiveSpace {
    directions = List.copyOf(directions);
    if (directions.isEmpty()) {
      throw new IllegalArgumentException("an objective space needs at least one objective");
    }
  }

  public static ObjectiveSpace of(Direction... directions) {
    return new ObjectiveSpace(List.of(directions));
  }

  public int dimension() {
    return directions.size();
  }

  /** A new vector in minimisation form. */
  public double[] toMinimization(double[] natural) {
    if (natural.length != directions.size()) {
      throw new IllegalArgumentException(
          "expected " + directions.size() + " objectives, got " + natural.length);
    }
    double[] min = new double[natural.length];
    for (int k = 0; k < natural.length; k++) {
      min[k] = directions.get(k).toMinimization(natural[k]);
    }
    return min;
  }

  /** Each row converted by {@link #toMinimization(double[])}. */
  public double[][] toMinimization(double[][] natural) {
    double[][] out = new double[natural.length][];
    for (int i = 0; i < natural.length; i++) {
      out[i] = toMinimization(natural[i]);
    }
    return out;
  }

  /** True when {@code a} dominates {@code b}, both in their natural orientation. */
  public boolean dominates(double[] a, double[] b) {
    return Dominance.dominates(toMinimization(a), toMinimization(b));
  }
}
