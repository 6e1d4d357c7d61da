package org.axdse.explorer.encoding;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A layer whose multiplications may be approximated: its name (as in {@link
 * org.axdse.simulator.assign.Assignment}), its number of output channels, the multipliers it may use (names from
 * the library; the exact one first when allowed), and optionally its output channels ranked by sensitivity.
 *
 * @param allowed multiplier names this layer may use, non-empty, no duplicates
 * @param channelOrder empty, or a permutation of {@code 0..outputChannels-1} listing the channels from least to
 *     most sensitive to approximation (measured by the engine; used by granularity {@code group:G})
 */
public record ApproximableLayer(String name, int outputChannels, List<String> allowed, int[] channelOrder) {
  public ApproximableLayer {
    Objects.requireNonNull(name, "layer name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("layer name is blank");
    }
    if (outputChannels < 1) {
      throw new IllegalArgumentException("layer " + name + " needs >= 1 output channel: " + outputChannels);
    }
    allowed = List.copyOf(allowed);
    if (allowed.isEmpty()) {
      throw new IllegalArgumentException("layer " + name + " allows no multiplier");
    }
    if (allowed.stream().distinct().count() != allowed.size()) {
      throw new IllegalArgumentException("layer " + name + " lists a multiplier twice: " + allowed);
    }
    channelOrder = channelOrder.clone();
    if (channelOrder.length != 0) {
      int[] sorted = channelOrder.clone();
      Arrays.sort(sorted);
      for (int c = 0; c < sorted.length; c++) {
        if (sorted[c] != c || sorted.length != outputChannels) {
          throw new IllegalArgumentException(
              "channel order of layer " + name + " is not a permutation of its " + outputChannels + " channels");
        }
      }
    }
  }

  /** A layer whose channels are not ranked. */
  public static ApproximableLayer of(String name, int outputChannels, List<String> allowed) {
    return new ApproximableLayer(name, outputChannels, allowed, new int[0]);
  }

  @Override
  public int[] channelOrder() {
    return channelOrder.clone();
  }

  /** The channels from least to most sensitive: {@link #channelOrder()}, or index order when not ranked. */
  public int[] rankedChannels() {
    if (channelOrder.length != 0) {
      return channelOrder.clone();
    }
    int[] order = new int[outputChannels];
    Arrays.setAll(order, c -> c);
    return order;
  }

  /**
   * This layer allowing only {@code multipliers} (kept in this layer's order); unless the list names shared choices
   * ({@code M@K}, {@link SharedChoices}) itself, a multiplier keeps its shared choices too.
   */
  public ApproximableLayer restrictedTo(List<String> multipliers) {
    boolean pairs = multipliers.stream().anyMatch(m -> SharedChoices.k(m) > 0);
    return new ApproximableLayer(name, outputChannels, allowed.stream()
        .filter(m -> multipliers.contains(m) || !pairs && multipliers.contains(SharedChoices.multiplier(m)))
        .toList(), channelOrder);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ApproximableLayer l && name.equals(l.name) && outputChannels == l.outputChannels
        && allowed.equals(l.allowed) && Arrays.equals(channelOrder, l.channelOrder);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, outputChannels, allowed, Arrays.hashCode(channelOrder));
  }

  @Override
  public String toString() {
    return "ApproximableLayer[" + name + ", " + outputChannels + " channels, " + allowed + "]";
  }
}
