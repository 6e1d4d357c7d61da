package org.axdse.simulator.engine;

import java.util.List;

/**
 * One approximable layer in an {@link Evaluation}: its assignment index, name and kind, MACs per sample, the
 * multiplier of each output channel (one name when the whole layer uses one), its relative multiplier power
 * (MAC-weighted over channels, each measured under the layer's operand distribution against the exact
 * multiplier; null when a table-only multiplier has no circuit), and the mean and standard deviation of its
 * accumulator error against the exact products on the same inputs, over the first
 * {@link SessionOptions#statisticsImages} evaluated images (0 for exact layers; null when statistics were not
 * collected).
 */
public record LayerResult(int index, String name, String kind, long macs, List<String> multipliers,
    Double relativePower, Double errorMean, Double errorStd) {
  public LayerResult {
    multipliers = List.copyOf(multipliers);
  }
}
