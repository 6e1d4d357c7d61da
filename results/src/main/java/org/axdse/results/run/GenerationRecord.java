package org.axdse.results.run;

/**
 * Progress of the search after one generation: the cumulative number of evaluations, the hypervolume of the
 * archive (normalised as in {@link Normalization}; NaN when not computed) and the wall time since the start.
 */
public record GenerationRecord(int generation, long evaluations, double hypervolume, double elapsedSeconds) {
  public GenerationRecord {
    if (generation < 0) {
      throw new IllegalArgumentException("generation must be >= 0: " + generation);
    }
    if (evaluations < 0) {
      throw new IllegalArgumentException("evaluations must be >= 0: " + evaluations);
    }
    if (hypervolume < 0 || Double.isInfinite(hypervolume)) {
      throw new IllegalArgumentException("hypervolume must be finite and >= 0 or NaN: " + hypervolume);
    }
    if (!(elapsedSeconds >= 0) || Double.isInfinite(elapsedSeconds)) {
      throw new IllegalArgumentException("elapsed seconds must be finite and >= 0: " + elapsedSeconds);
    }
  }
}
