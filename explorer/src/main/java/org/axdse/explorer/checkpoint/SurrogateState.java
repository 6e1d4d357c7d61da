package org.axdse.explorer.checkpoint;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The surrogate-assisted search's own state, written beside the checkpoint ({@code checkpoint/surrogate.json},
 * before {@code checkpoint.json}, so it always covers at least the checkpoint's generation): the accuracy the
 * surrogate predicted for each point before it was simulated (by point id; null for the points of generation 0,
 * simulated before any fit, and for offspring that were simulated already) and the number of new genomes it
 * estimated in each generation. The accuracy map itself is not stored: it is refitted from the checkpoint's
 * points, which are exactly the points it was fitted on.
 */
public record SurrogateState(List<Double> predicted, List<Integer> estimated) {
  public SurrogateState {
    predicted = Collections.unmodifiableList(new ArrayList<>(predicted));
    estimated = List.copyOf(estimated);
    for (Double p : predicted) {
      if (p != null && !(p >= 0 && p <= 1)) {
        throw new IllegalArgumentException("predicted accuracy must be a fraction in [0, 1]: " + p);
      }
    }
    for (int e : estimated) {
      if (e < 0) {
        throw new IllegalArgumentException("estimated genomes must be >= 0: " + e);
      }
    }
  }

  /** This state as of a checkpoint with {@code points} points after generation {@code generation}. */
  public SurrogateState truncated(int points, int generation) {
    if (predicted.size() < points || estimated.size() < generation + 1) {
      throw new IllegalArgumentException("the surrogate state covers " + predicted.size() + " points and "
          + estimated.size() + " generations, fewer than the checkpoint's " + points + " and " + (generation + 1));
    }
    return new SurrogateState(predicted.subList(0, points), estimated.subList(0, generation + 1));
  }
}
