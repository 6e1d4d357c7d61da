package org.axdse.explorer.encoding;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.results.run.MultiplierInfo;

/**
 * What the search may choose from, as supplied by the engine: the model and data set names (for the run
 * directory), the name of the exact multiplier, the library of multipliers usable with the model (already
 * filtered to its signedness and weight width, with power and area relative to exact), and the approximable
 * layers in network order. Every name a layer allows is in the library.
 *
 * @param library the usable multipliers; must contain {@code exactMultiplier}
 */
public record SearchSpace(String model, String dataset, String exactMultiplier, List<MultiplierInfo> library,
    List<ApproximableLayer> layers) {

  public SearchSpace {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(exactMultiplier, "exact multiplier");
    library = List.copyOf(library);
    layers = List.copyOf(layers);
    Set<String> names = new HashSet<>();
    for (MultiplierInfo m : library) {
      if (!names.add(m.name())) {
        throw new IllegalArgumentException("library lists " + m.name() + " twice");
      }
    }
    if (!names.contains(exactMultiplier)) {
      throw new IllegalArgumentException("the library lacks the exact multiplier " + exactMultiplier);
    }
    if (layers.isEmpty()) {
      throw new IllegalArgumentException("the model has no approximable layer");
    }
    Set<String> layerNames = new HashSet<>();
    for (ApproximableLayer l : layers) {
      if (!layerNames.add(l.name())) {
        throw new IllegalArgumentException("layer " + l.name() + " appears twice");
      }
      for (String a : l.allowed()) {
        if (!names.contains(a)) {
          throw new IllegalArgumentException("layer " + l.name() + " allows " + a + ", which the library lacks");
        }
      }
    }
  }

  /** The library entry called {@code name}; throws when there is none. */
  public MultiplierInfo multiplier(String name) {
    for (MultiplierInfo m : library) {
      if (m.name().equals(name)) {
        return m;
      }
    }
    throw new IllegalArgumentException("no multiplier " + name + " in the library");
  }

  public List<String> layerNames() {
    return layers.stream().map(ApproximableLayer::name).toList();
  }

  /** Every multiplier some layer allows, in library order. */
  public List<String> usedMultipliers() {
    Set<String> allowed = new LinkedHashSet<>();
    layers.forEach(l -> allowed.addAll(l.allowed()));
    return library.stream().map(MultiplierInfo::name).filter(allowed::contains).toList();
  }

  /**
   * This space with each layer named in {@code restrictions} limited to the multipliers listed for it. Fails
   * with one line naming {@code source} when a layer or multiplier is unknown or a layer would allow nothing.
   */
  public SearchSpace restrict(Map<String, List<String>> restrictions, String source) {
    Set<String> known = new HashSet<>(layerNames());
    for (var e : restrictions.entrySet()) {
      if (!known.contains(e.getKey())) {
        throw new BadInputException(source + ": unknown layer '" + e.getKey() + "' (layers: "
            + String.join(", ", layerNames()) + ")");
      }
      for (String m : e.getValue()) {
        if (library.stream().noneMatch(x -> x.name().equals(m))) {
          throw new BadInputException(source + ": layer " + e.getKey() + ": multiplier '" + m
              + "' is not in the usable library");
        }
      }
    }
    List<ApproximableLayer> out = new ArrayList<>();
    for (ApproximableLayer l : layers) {
      List<String> keep = restrictions.get(l.name());
      if (keep == null) {
        out.add(l);
        continue;
      }
      ApproximableLayer r;
      try {
        r = l.restrictedTo(keep);
      } catch (IllegalArgumentException e) {
        throw new BadInputException(source + ": layer " + l.name() + ": none of " + keep
            + " is allowed for this layer (allowed: " + String.join(",", l.allowed()) + ")");
      }
      out.add(r);
    }
    return new SearchSpace(model, dataset, exactMultiplier, library, out);
  }

  /**
   * Checks that there is something to search: some layer must allow a multiplier other than the exact one. The
   * one-line error names the library and what the model needs (e.g. signed 8x8).
   */
  public void requireApproximation(String librarySource, String modelNeeds) {
    for (ApproximableLayer l : layers) {
      if (l.allowed().stream().anyMatch(m -> !m.equals(exactMultiplier))) {
        return;
      }
    }
    throw new BadInputException(librarySource + ": no usable approximate multiplier for this model ("
        + modelNeeds + "); nothing to search");
  }
}
