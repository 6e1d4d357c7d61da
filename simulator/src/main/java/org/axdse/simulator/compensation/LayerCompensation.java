package org.axdse.simulator.compensation;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The adjustments of one approximable layer: {@code multipliers} as assigned (one name, or one per output
 * channel), {@code remaps} the changed weight codes per multiplier name ({@code code -> tuned code}; a channel's
 * codes follow its multiplier's remap), and {@code biasDelta} the int32 added to each channel's bias (empty when
 * the biases are unchanged).
 */
public record LayerCompensation(int index, String name, List<String> multipliers,
    Map<String, Map<Integer, Integer>> remaps, int[] biasDelta) {
  public LayerCompensation {
    Objects.requireNonNull(name, "name");
    multipliers = List.copyOf(multipliers);
    TreeMap<String, Map<Integer, Integer>> copy = new TreeMap<>();
    remaps.forEach((m, r) -> copy.put(m, Collections.unmodifiableMap(new TreeMap<>(r))));
    remaps = Collections.unmodifiableMap(copy);
    biasDelta = biasDelta == null ? new int[0] : biasDelta.clone();
    if (multipliers.isEmpty()) {
      throw new IllegalArgumentException(name + ": no multipliers");
    }
  }

  @Override
  public int[] biasDelta() {
    return biasDelta.clone();
  }

  /** The multiplier of output channel {@code c}. */
  public String multiplierOf(int c) {
    return multipliers.size() == 1 ? multipliers.get(0) : multipliers.get(c);
  }

  /** The code channel {@code c} stores for weight code {@code w}. */
  public int tuned(int c, int w) {
    Map<Integer, Integer> r = remaps.get(multiplierOf(c));
    return r == null ? w : r.getOrDefault(w, w);
  }

  /** Number of remapped codes over all multipliers. */
  public int remappedCodes() {
    return remaps.values().stream().mapToInt(Map::size).sum();
  }

  /** This layer with {@code delta} as its bias adjustment. */
  LayerCompensation withBiasDelta(int[] delta) {
    return new LayerCompensation(index, name, multipliers, remaps, delta);
  }
}
