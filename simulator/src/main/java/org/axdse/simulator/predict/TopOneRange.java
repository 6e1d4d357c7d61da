package org.axdse.simulator.predict;

/**
 * The two ends of an accuracy map, when they are known rather than taken from the fitted points: {@code low}, the
 * top-1 of a collapsed network (one that answers one class whatever the input: chance, one over the number of
 * classes), and {@code high}, the exact network's top-1 on the same images (an assignment without error). Fixed
 * ends do not move when a point is held back, so the best and the worst fitted point are predicted like the
 * others. Fractions.
 */
public record TopOneRange(double low, double high) {
  public TopOneRange {
    if (!(low >= 0 && high <= 1 && high >= low)) {
      throw new IllegalArgumentException("top-1 range " + low + ".." + high);
    }
  }

  /** Chance for {@code classes} classes up to {@code exactTop1}. */
  public static TopOneRange of(double exactTop1, int classes) {
    if (classes < 2) {
      throw new IllegalArgumentException(classes + " classes");
    }
    double chance = 1.0 / classes;
    return new TopOneRange(Math.min(chance, exactTop1), exactTop1);
  }
}
