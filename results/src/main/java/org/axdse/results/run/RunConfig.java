package org.axdse.results.run;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.axdse.results.pareto.ObjectiveSpace;

/**
 * What a run was: the seed, model and dataset, its objectives with their directions, the name of the exact
 * multiplier (the reference every relative energy divides by), the multiplier library with relative powers, the
 * layer names in network order, and the searcher's own settings as a free-form map (kept as written).
 *
 * @param multipliers may be empty when the writer does not know the library
 * @param layers may be empty; plots then number the layers
 */
public record RunConfig(
    long seed,
    String model,
    String dataset,
    List<Objective> objectives,
    String exactMultiplier,
    List<MultiplierInfo> multipliers,
    List<String> layers,
    Map<String, Object> settings) {

  public RunConfig {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(dataset, "dataset");
    objectives = List.copyOf(Objects.requireNonNull(objectives, "objectives"));
    if (objectives.isEmpty()) {
      throw new IllegalArgumentException("a run needs at least one objective");
    }
    Set<Metric> seen = EnumSet.noneOf(Metric.class);
    for (Objective o : objectives) {
      if (!seen.add(o.metric())) {
        throw new IllegalArgumentException("objective " + o.metric().key() + " is listed twice");
      }
    }
    EvaluatedPoint.checkName(Objects.requireNonNull(exactMultiplier, "exact multiplier"));
    multipliers = List.copyOf(Objects.requireNonNull(multipliers, "multipliers"));
    layers = List.copyOf(Objects.requireNonNull(layers, "layers"));
    settings = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(settings, "settings")));
  }

  /** The directions of the objectives, in order. */
  public ObjectiveSpace objectiveSpace() {
    return new ObjectiveSpace(objectives.stream().map(Objective::direction).toList());
  }

  /** The objective metrics in order. */
  public List<Metric> metrics() {
    return objectives.stream().map(Objective::metric).toList();
  }

  /** The library entry named {@code name}, or null when the library does not list it. */
  public MultiplierInfo multiplier(String name) {
    for (MultiplierInfo m : multipliers) {
      if (m.name().equals(name)) {
        return m;
      }
    }
    return null;
  }

  /** The name of layer {@code index}: from {@link #layers()} when known, else {@code L<index>}. */
  public String layerName(int index) {
    return index < layers.size() ? layers.get(index) : "L" + index;
  }
}
