package org.axdse.explorer.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.axdse.results.run.Metric;
import org.axdse.results.run.Objective;

/**
 * The search's objectives as given to {@code --objectives accuracy,energy[,area][,types][,memory]} and {@code
 * --energy multiplier|system} ({@code [,latency]} too): accuracy (maximised; screening accuracy during the search, final accuracy in the
 * report), energy (relative multiplier or system energy, minimised), area (summed relative area of the distinct
 * multiplier types used, minimised), types (number of distinct multipliers, minimised) and memory (weight bits
 * relative to 8-bit weights, minimised; see {@code WeightMemory}) and latency (cycles per image relative to the
 * exact network, minimised; only the IMC target reports it). Always in that order.
 */
public record ObjectiveSet(List<Metric> metrics) {
  public ObjectiveSet {
    metrics = List.copyOf(metrics);
    if (metrics.size() < 2 || metrics.get(0) != Metric.ACCURACY
        || (metrics.get(1) != Metric.MULTIPLIER_ENERGY && metrics.get(1) != Metric.SYSTEM_ENERGY)) {
      throw new IllegalArgumentException("objectives must start with accuracy and energy: " + metrics);
    }
  }

  /** Parses the two flags; throws {@link IllegalArgumentException} naming the problem. */
  public static ObjectiveSet parse(String objectives, String energy) {
    Metric energyMetric = switch (energy.strip().toLowerCase(Locale.ROOT)) {
      case "multiplier" -> Metric.MULTIPLIER_ENERGY;
      case "system" -> Metric.SYSTEM_ENERGY;
      default -> throw new IllegalArgumentException("--energy must be multiplier or system, not '" + energy + "'");
    };
    List<String> names = Arrays.stream(objectives.split(",")).map(s -> s.strip().toLowerCase(Locale.ROOT))
        .toList();
    for (String n : names) {
      if (!List.of("accuracy", "energy", "area", "types", "memory", "latency").contains(n)) {
        throw new IllegalArgumentException("unknown objective '" + n
            + "' (known: accuracy, energy, area, types, memory, latency)");
      }
    }
    if (names.stream().distinct().count() != names.size()) {
      throw new IllegalArgumentException("an objective is listed twice: " + objectives);
    }
    if (!names.contains("accuracy") || !names.contains("energy")) {
      throw new IllegalArgumentException("--objectives must include accuracy and energy: " + objectives);
    }
    List<Metric> m = new ArrayList<>(List.of(Metric.ACCURACY, energyMetric));
    if (names.contains("area")) {
      m.add(Metric.AREA);
    }
    if (names.contains("types")) {
      m.add(Metric.TYPES);
    }
    if (names.contains("memory")) {
      m.add(Metric.MEMORY);
    }
    if (names.contains("latency")) {
      m.add(Metric.LATENCY);
    }
    return new ObjectiveSet(m);
  }

  /** The objectives as the run directory records them. */
  public List<Objective> objectives() {
    return metrics.stream().map(Objective::of).toList();
  }

  /** The text {@code --objectives} reads back. */
  public String flag() {
    List<String> out = new ArrayList<>(List.of("accuracy", "energy"));
    if (metrics.contains(Metric.AREA)) {
      out.add("area");
    }
    if (metrics.contains(Metric.TYPES)) {
      out.add("types");
    }
    if (metrics.contains(Metric.MEMORY)) {
      out.add("memory");
    }
    if (metrics.contains(Metric.LATENCY)) {
      out.add("latency");
    }
    return String.join(",", out);
  }

  /** {@code multiplier} or {@code system}. */
  public String energy() {
    return metrics.get(1) == Metric.SYSTEM_ENERGY ? "system" : "multiplier";
  }

  public int size() {
    return metrics.size();
  }
}
