package org.axdse.simulator.share;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.simulator.model.ApproximableLayer;
import org.axdse.simulator.model.Model;

/**
 * How many shared values each approximable layer gets: {@code k} per layer name at one granularity; layers not
 * named keep their weights. Immutable; {@link #none()} shares nothing.
 */
public record SharingPlan(ShareGranularity granularity, Map<String, Integer> k) {
  public SharingPlan {
    if (granularity == null) {
      throw new IllegalArgumentException("a sharing plan needs a granularity");
    }
    Map<String, Integer> copy = new LinkedHashMap<>();
    k.forEach((layer, value) -> {
      if (layer == null || layer.isBlank() || value == null || value < 1) {
        throw new IllegalArgumentException("layer '" + layer + "': share k = " + value + " must be >= 1");
      }
      copy.put(layer, value);
    });
    k = Collections.unmodifiableMap(copy);
  }

  /** Shares nothing. */
  public static SharingPlan none() {
    return new SharingPlan(ShareGranularity.LAYER, Map.of());
  }

  /** {@code k} shared values per group in every approximable layer of {@code model}. */
  public static SharingPlan uniform(Model model, ShareGranularity granularity, int k) {
    Map<String, Integer> map = new LinkedHashMap<>();
    for (ApproximableLayer layer : model.approximableLayers()) {
      map.put(layer.name(), k);
    }
    return new SharingPlan(granularity, map);
  }

  /**
   * The plan for {@code model} from keys that are layer names or indices (as in assignment files): a one-line
   * error naming {@code source}, the layer and the value for an unknown layer or a k outside 1..group size.
   */
  public static SharingPlan resolve(Model model, ShareGranularity granularity, Map<String, Integer> byKey,
      String source) {
    List<ApproximableLayer> layers = model.approximableLayers();
    Map<String, Integer> map = new LinkedHashMap<>();
    byKey.forEach((key, value) -> {
      ApproximableLayer layer = layers.stream().filter(l -> l.name().equals(key)).findFirst().orElse(null);
      if (layer == null && key.matches("\\d{1,9}") && Integer.parseInt(key) < layers.size()) {
        layer = layers.get(Integer.parseInt(key));
      }
      if (layer == null) {
        throw new BadInputException(source + ": share: no approximable layer '" + key + "' in model "
            + model.name());
      }
      check(layer, granularity, value, source);
      map.put(layer.name(), value);
    });
    return new SharingPlan(granularity, map);
  }

  /**
   * A one-line error (prefixed with {@code source} unless null) unless {@code 1 <= k <= } the weights in one
   * {@code granularity} group of {@code layer}.
   */
  static void check(ApproximableLayer layer, ShareGranularity granularity, int k, String source) {
    int smallest = Integer.MAX_VALUE;
    for (int t = 0; t < ShareGranularity.tensors(layer).size(); t++) {
      smallest = Math.min(smallest, granularity.groupSize(layer, t));
    }
    if (k < 1 || k > smallest) {
      throw new BadInputException((source == null ? "" : source + ": ") + "layer '" + layer.name() + "': share k = " + k + " must be in 1.."
          + smallest + " (the weights in one " + granularity.label() + " group)");
    }
  }

  /** True when no layer is shared. */
  public boolean isEmpty() {
    return k.isEmpty();
  }

  /** The k of {@code layer}, or 0 when it is not shared. */
  public int kOf(String layer) {
    return k.getOrDefault(layer, 0);
  }

  /** This plan with {@code layer} at {@code value}. */
  public SharingPlan with(String layer, int value) {
    Map<String, Integer> map = new LinkedHashMap<>(k);
    map.put(layer, value);
    return new SharingPlan(granularity, map);
  }

  /** A short stable text of the plan, for cache keys ({@code channel:conv1=16,conv2=8}, layers sorted by name). */
  public String key() {
    StringBuilder b = new StringBuilder(granularity.label()).append(':');
    new java.util.TreeMap<>(k).forEach((layer, value) -> b.append(b.charAt(b.length() - 1) == ':' ? "" : ",").append(layer).append('=')
        .append(value));
    return b.toString();
  }
}
