package org.axdse.simulator.assign;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axdse.multipliers.util.BadInputException;

/**
 * Which multiplier each approximable layer (or each of its output channels) uses. Layers are keyed by name;
 * layers not named stay exact. The simulator resolves names against a multiplier library and the model's
 * layers; this type knows neither, so the explorer can build one without touching the simulator. Immutable.
 */
public record Assignment(Map<String, LayerAssignment> layers) {
  private static final Assignment ALL_EXACT = new Assignment(Map.of());

  public Assignment {
    Map<String, LayerAssignment> copy = new LinkedHashMap<>();
    for (var e : layers.entrySet()) {
      if (e.getKey() == null || e.getKey().isBlank() || e.getValue() == null) {
        throw new IllegalArgumentException("assignment has a blank layer name or a missing multiplier");
      }
      copy.put(e.getKey(), e.getValue());
    }
    layers = Collections.unmodifiableMap(copy);
  }

  /** No layer named: the exact-quantized network. */
  public static Assignment allExact() {
    return ALL_EXACT;
  }

  /** Every layer in {@code layerNames} uses {@code multiplier}. */
  public static Assignment uniform(List<String> layerNames, String multiplier) {
    if (multiplier == null || multiplier.isBlank()) {
      throw new BadInputException("--uniform: the multiplier name is empty");
    }
    Map<String, LayerAssignment> m = new LinkedHashMap<>();
    for (String layer : layerNames) {
      m.put(layer, LayerAssignment.uniform(multiplier));
    }
    return new Assignment(m);
  }

  /** The assignment of {@code layer}, or empty when the layer stays exact. */
  public Optional<LayerAssignment> of(String layer) {
    return Optional.ofNullable(layers.get(layer));
  }

  /** This assignment with {@code layer} set to {@code assignment}. */
  public Assignment with(String layer, LayerAssignment assignment) {
    Map<String, LayerAssignment> m = new LinkedHashMap<>(layers);
    m.put(layer, assignment);
    return new Assignment(m);
  }

  /** Every multiplier name used, in first-use order. */
  public Set<String> multipliersUsed() {
    Set<String> names = new LinkedHashSet<>();
    for (LayerAssignment a : layers.values()) {
      names.addAll(a.distinctMultipliers());
    }
    return names;
  }
}
