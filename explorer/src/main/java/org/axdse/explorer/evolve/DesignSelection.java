package org.axdse.explorer.evolve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;

/**
 * Which evolved designs a search gets, by simulated loss, under one of two rules ({@link Rule}), and how well the
 * evolution's figure ranks the designs: Spearman's rank correlation of predicted against simulated loss.
 */
public final class DesignSelection {
  private DesignSelection() {}

  /** When an evolved design is kept. */
  public enum Rule {
    /**
     * Its simulated loss is lower than that of every checked built-in design of equal or higher power in its layer
     * (with none of them, it fills the gap below the exact design and is kept).
     */
    DEARER("dearer"),
    /** No checked built-in design of at most its power has a simulated loss as low or lower (Pareto). */
    UNDOMINATED("undominated");

    private final String label;

    Rule(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    /** The rule of {@code label}, or null. */
    public static Rule parse(String label) {
      for (Rule r : values()) {
        if (r.label.equals(label)) {
          return r;
        }
      }
      return null;
    }
  }

  /** The evolved designs of one layer's checks that {@code rule} keeps, in the order given. */
  public static List<String> kept(List<CheckedDesign> layer, Rule rule) {
    List<String> out = new ArrayList<>();
    for (CheckedDesign e : layer) {
      if (!e.evolved()) {
        continue;
      }
      if (rule == Rule.UNDOMINATED) {
        if (beatsCheaperBuiltins(e, layer)) {
          out.add(e.name());
        }
        continue;
      }
      boolean beats = true;
      for (CheckedDesign b : layer) {
        if (!b.evolved() && b.relativePower() >= e.relativePower()
            && !(e.simulated().logitChange() < b.simulated().logitChange())) {
          beats = false;
        }
      }
      if (beats) {
        out.add(e.name());
      }
    }
    return out;
  }

  /**
   * The per-layer criterion under simulated loss: {@code e}'s simulated loss is lower than that of every
   * built-in design of {@code layer} that costs at most its power (true when none does).
   */
  public static boolean beatsCheaperBuiltins(CheckedDesign e, List<CheckedDesign> layer) {
    return layer.stream().filter(b -> !b.evolved() && b.relativePower() <= e.relativePower())
        .allMatch(b -> e.simulated().logitChange() < b.simulated().logitChange());
  }

  /**
   * Spearman's rank correlation (ties take their mean rank) of the predicted against the simulated loss over the
   * designs with a predicted figure; NaN with fewer than 3 of them.
   */
  public static double rankCorrelation(List<CheckedDesign> designs) {
    List<CheckedDesign> known = designs.stream().filter(d -> !Double.isNaN(d.predicted())).toList();
    if (known.size() < 3) {
      return Double.NaN;
    }
    double[] p = known.stream().mapToDouble(CheckedDesign::predicted).toArray();
    double[] s = known.stream().mapToDouble(d -> d.simulated().logitChange()).toArray();
    return new SpearmansCorrelation().correlation(p, s);
  }

  /**
   * The restriction a search gets: for every layer of {@code builtin} (layer to the built-in designs it may use,
   * in order), those designs followed by the layer's {@code kept} evolved designs.
   */
  public static Map<String, List<String>> restriction(Map<String, List<String>> builtin,
      Map<String, List<String>> kept) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (var e : builtin.entrySet()) {
      List<String> names = new ArrayList<>(e.getValue());
      for (String k : kept.getOrDefault(e.getKey(), List.of())) {
        if (!names.contains(k)) {
          names.add(k);
        }
      }
      out.put(e.getKey(), List.copyOf(names));
    }
    return out;
  }
}
