package org.axdse.results.run;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.OptBoolean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One candidate the search (or a baseline) evaluated: its genome, the multiplier of each layer (and, for
 * per-channel assignments, of each output channel of each layer), its accuracy at screening and final fidelity
 * (fractions in [0, 1]; NaN when not evaluated at that fidelity), its multiplier and system energy and area
 * relative to the all-exact network (exact = 1; system energy and area NaN when not computed), the number of
 * distinct multiplier types it uses, and the generation that first produced it.
 *
 * @param channelMultipliers empty for per-layer assignments, else one list of channel multipliers per layer
 * @param weightMemory bits of the weights relative to 8-bit weights (NaN when not computed)
 * @param latency cycles per image relative to the exact network (the IMC target's latency; NaN when not computed)
 */
public record EvaluatedPoint(
    int id,
    int generation,
    int[] genome,
    List<String> layerMultipliers,
    List<List<String>> channelMultipliers,
    double screeningAccuracy,
    double finalAccuracy,
    double multiplierEnergy,
    double systemEnergy,
    double area,
    int types,
    double weightMemory,
    double latency) {
  /** The injectable value of a missing {@code weight_memory} (run files written before it): NaN. */
  public static final String ABSENT_MEMORY = "axdse.absent-weight-memory";
  /** The injectable value of a missing {@code latency} (run files written before it): NaN. */
  public static final String ABSENT_LATENCY = "axdse.absent-latency";


  public EvaluatedPoint {
    if (id < 0 || generation < 0 || types < 0) {
      throw new IllegalArgumentException(
          "id, generation and types must be >= 0: " + id + ", " + generation + ", " + types);
    }
    genome = Objects.requireNonNull(genome, "genome").clone();
    layerMultipliers = List.copyOf(Objects.requireNonNull(layerMultipliers, "layer multipliers"));
    layerMultipliers.forEach(EvaluatedPoint::checkName);
    List<List<String>> channels = new ArrayList<>();
    for (List<String> layer : Objects.requireNonNull(channelMultipliers, "channel multipliers")) {
      List<String> copy = List.copyOf(layer);
      if (copy.isEmpty()) {
        throw new IllegalArgumentException("point " + id + " has a layer with no channel multipliers");
      }
      copy.forEach(EvaluatedPoint::checkName);
      channels.add(copy);
    }
    channelMultipliers = List.copyOf(channels);
    if (!channelMultipliers.isEmpty() && channelMultipliers.size() != layerMultipliers.size()) {
      throw new IllegalArgumentException("point " + id + " has channel multipliers for "
          + channelMultipliers.size() + " layers but " + layerMultipliers.size() + " layers");
    }
    checkAccuracy("screening accuracy", screeningAccuracy);
    checkAccuracy("final accuracy", finalAccuracy);
    if (!(multiplierEnergy >= 0) || Double.isInfinite(multiplierEnergy)) {
      throw new IllegalArgumentException("multiplier energy must be finite and >= 0: " + multiplierEnergy);
    }
    checkOptional("system energy", systemEnergy);
    checkOptional("area", area);
    checkOptional("weight memory", weightMemory);
    checkOptional("latency", latency);
  }

  /**
   * The reader of run files: {@code weight_memory} and {@code latency} may be absent (files written before them),
   * then NaN.
   */
  @JsonCreator
  static EvaluatedPoint fromJson(@JsonProperty("id") int id, @JsonProperty("generation") int generation,
      @JsonProperty("genome") int[] genome, @JsonProperty("layer_multipliers") List<String> layerMultipliers,
      @JsonProperty("channel_multipliers") List<List<String>> channelMultipliers,
      @JsonProperty("screening_accuracy") double screeningAccuracy,
      @JsonProperty("final_accuracy") double finalAccuracy,
      @JsonProperty("multiplier_energy") double multiplierEnergy,
      @JsonProperty("system_energy") double systemEnergy, @JsonProperty("area") double area,
      @JsonProperty("types") int types,
      @JacksonInject(value = ABSENT_MEMORY, useInput = OptBoolean.TRUE) @JsonProperty("weight_memory")
      double weightMemory,
      @JacksonInject(value = ABSENT_LATENCY, useInput = OptBoolean.TRUE) @JsonProperty("latency") double latency) {
    return new EvaluatedPoint(id, generation, genome, layerMultipliers, channelMultipliers, screeningAccuracy,
        finalAccuracy, multiplierEnergy, systemEnergy, area, types, weightMemory, latency);
  }

  /** A point without a latency figure. */
  public EvaluatedPoint(int id, int generation, int[] genome, List<String> layerMultipliers,
      List<List<String>> channelMultipliers, double screeningAccuracy, double finalAccuracy, double multiplierEnergy,
      double systemEnergy, double area, int types, double weightMemory) {
    this(id, generation, genome, layerMultipliers, channelMultipliers, screeningAccuracy, finalAccuracy,
        multiplierEnergy, systemEnergy, area, types, weightMemory, Double.NaN);
  }

  /** A point without a weight memory figure. */
  public EvaluatedPoint(int id, int generation, int[] genome, List<String> layerMultipliers,
      List<List<String>> channelMultipliers, double screeningAccuracy, double finalAccuracy, double multiplierEnergy,
      double systemEnergy, double area, int types) {
    this(id, generation, genome, layerMultipliers, channelMultipliers, screeningAccuracy, finalAccuracy,
        multiplierEnergy, systemEnergy, area, types, Double.NaN);
  }

  /** A per-layer point (no per-channel assignment). */
  public static EvaluatedPoint ofLayers(int id, int generation, int[] genome, List<String> layerMultipliers,
      double screeningAccuracy, double finalAccuracy, double multiplierEnergy, double systemEnergy, double area,
      int types) {
    return new EvaluatedPoint(id, generation, genome, layerMultipliers, List.of(), screeningAccuracy,
        finalAccuracy, multiplierEnergy, systemEnergy, area, types);
  }

  @Override
  public int[] genome() {
    return genome.clone();
  }

  /** This point with its final-fidelity accuracy set. */
  public EvaluatedPoint withFinalAccuracy(double accuracy) {
    return new EvaluatedPoint(id, generation, genome, layerMultipliers, channelMultipliers, screeningAccuracy,
        accuracy, multiplierEnergy, systemEnergy, area, types, weightMemory, latency);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EvaluatedPoint p
        && id == p.id
        && generation == p.generation
        && Arrays.equals(genome, p.genome)
        && layerMultipliers.equals(p.layerMultipliers)
        && channelMultipliers.equals(p.channelMultipliers)
        && Double.compare(screeningAccuracy, p.screeningAccuracy) == 0
        && Double.compare(finalAccuracy, p.finalAccuracy) == 0
        && Double.compare(multiplierEnergy, p.multiplierEnergy) == 0
        && Double.compare(systemEnergy, p.systemEnergy) == 0
        && Double.compare(area, p.area) == 0
        && types == p.types
        && Double.compare(weightMemory, p.weightMemory) == 0
        && Double.compare(latency, p.latency) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, generation, Arrays.hashCode(genome), layerMultipliers, channelMultipliers,
        screeningAccuracy, finalAccuracy, multiplierEnergy, systemEnergy, area, types, weightMemory, latency);
  }

  @Override
  public String toString() {
    return "EvaluatedPoint[id=" + id + ", generation=" + generation + ", genome=" + Arrays.toString(genome)
        + ", layers=" + layerMultipliers + ", screening=" + screeningAccuracy + ", final=" + finalAccuracy
        + ", energy=" + multiplierEnergy + ", system=" + systemEnergy + ", area=" + area + ", types=" + types
        + ", memory=" + weightMemory + ", latency=" + latency + "]";
  }

  /** Multiplier names are non-empty and free of whitespace and ';', which separate them in CSV cells. */
  static void checkName(String name) {
    if (name == null || name.isEmpty() || name.chars().anyMatch(c -> Character.isWhitespace(c) || c == ';')) {
      throw new IllegalArgumentException(
          "multiplier name must be non-empty, without whitespace or ';': '" + name + "'");
    }
  }

  private static void checkAccuracy(String what, double v) {
    if (!Double.isNaN(v) && !(v >= 0 && v <= 1)) {
      throw new IllegalArgumentException(what + " must be a fraction in [0, 1] or NaN: " + v);
    }
  }

  private static void checkOptional(String what, double v) {
    if (v < 0 || Double.isInfinite(v)) {
      throw new IllegalArgumentException(what + " must be finite and >= 0 or NaN: " + v);
    }
  }
}
