package org.axdse.results.run;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import org.axdse.results.pareto.Direction;

/**
 * One objective of a run: a metric and the direction it is optimised in, which must be the metric's own
 * (accuracy maximised, energy, area and types minimised). The direction is stored to make files self-describing.
 */
public record Objective(@JsonProperty("name") Metric metric, Direction direction) {
  public Objective {
    Objects.requireNonNull(metric, "objective name");
    Objects.requireNonNull(direction, "objective direction");
    if (direction != metric.direction()) {
      throw new IllegalArgumentException(
          "objective " + metric.key() + " must be " + metric.direction().label() + "d, not " + direction.label()
              + "d");
    }
  }

  /** The objective for {@code metric} in its natural direction. */
  public static Objective of(Metric metric) {
    return new Objective(metric, metric.direction());
  }
}
