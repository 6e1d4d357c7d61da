package org.axdse.results.run;

import java.util.List;
import java.util.Objects;

/**
 * The points of one comparison method (e.g. {@code uniform}: every layer on one multiplier; {@code random};
 * {@code greedy}) and their hypervolume as computed by the writer with {@link Normalization} (NaN when not
 * computed).
 */
public record Baseline(String name, List<EvaluatedPoint> points, double hypervolume) {
  public Baseline {
    Objects.requireNonNull(name, "baseline name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("baseline name must not be blank");
    }
    points = List.copyOf(Objects.requireNonNull(points, "baseline points"));
    if (hypervolume < 0 || Double.isInfinite(hypervolume)) {
      throw new IllegalArgumentException("hypervolume must be finite and >= 0 or NaN: " + hypervolume);
    }
  }
}
