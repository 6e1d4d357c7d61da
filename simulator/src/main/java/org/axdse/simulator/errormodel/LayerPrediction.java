package org.axdse.simulator.errormodel;

import java.util.List;
import java.util.Objects;

/**
 * The modelled accumulator error of one approximable layer under an assignment: its index and name, the
 * multiplier of each channel (one name when the whole layer uses one), every channel's moments and their pooled
 * mean and standard deviation (zero for an exact layer).
 */
public record LayerPrediction(int index, String name, List<String> multipliers, ChannelMoments channels,
    LayerStatistics pooled) {
  public LayerPrediction {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(channels, "channels");
    Objects.requireNonNull(pooled, "pooled");
    multipliers = List.copyOf(multipliers);
  }

  public double mean() {
    return pooled.mean();
  }

  public double std() {
    return pooled.std();
  }
}
