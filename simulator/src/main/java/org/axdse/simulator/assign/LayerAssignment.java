package org.axdse.simulator.assign;

import java.util.List;
import java.util.Objects;

/**
 * The multiplier(s) of one approximable layer: one name for the whole layer, or one name per output channel
 * (kernel). Immutable.
 */
public sealed interface LayerAssignment {

  /** Every output channel of the layer uses {@code multiplier}. */
  record Uniform(String multiplier) implements LayerAssignment {
    public Uniform {
      Objects.requireNonNull(multiplier, "multiplier");
      if (multiplier.isBlank()) {
        throw new IllegalArgumentException("multiplier name is blank");
      }
    }
  }

  /** Output channel {@code c} uses {@code multipliers.get(c)}. */
  record PerChannel(List<String> multipliers) implements LayerAssignment {
    public PerChannel {
      multipliers = List.copyOf(multipliers);
      if (multipliers.isEmpty()) {
        throw new IllegalArgumentException("per-channel assignment has no channels");
      }
      for (String m : multipliers) {
        if (m == null || m.isBlank()) {
          throw new IllegalArgumentException("per-channel assignment has a blank multiplier name");
        }
      }
    }
  }

  static LayerAssignment uniform(String multiplier) {
    return new Uniform(multiplier);
  }

  static LayerAssignment perChannel(List<String> multipliers) {
    return new PerChannel(multipliers);
  }

  /** The multiplier of output channel {@code channel}. */
  default String multiplierOf(int channel) {
    return switch (this) {
      case Uniform u -> u.multiplier();
      case PerChannel p -> p.multipliers().get(channel);
    };
  }

  /** The distinct multiplier names used, in first-use order. */
  default List<String> distinctMultipliers() {
    return switch (this) {
      case Uniform u -> List.of(u.multiplier());
      case PerChannel p -> p.multipliers().stream().distinct().toList();
    };
  }
}
