package org.axdse.multipliers.library;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.axdse.multipliers.Multiplier;
import org.axdse.multipliers.generators.MultiplierDesign;
import org.axdse.multipliers.table.MultiplierFormat;

/**
 * The named multipliers axdse knows without any file: exact, truncated, broken-array, perforated,
 * approximate-adder, Mitchell and DRUM designs in 8x8 and narrower formats, unsigned and signed. Each multiplier is
 * generated and simulated the first time it is asked for and then cached, so listing names is free and
 * {@link #all()} pays the build once per JVM.
 */
public final class BuiltinLibrary {
  private static final Map<String, MultiplierDesign> DESIGNS = index(BuiltinCatalogue.designs());
  private static final Map<String, Multiplier> BUILT = new ConcurrentHashMap<>();

  private BuiltinLibrary() {}

  private static Map<String, MultiplierDesign> index(List<MultiplierDesign> designs) {
    Map<String, MultiplierDesign> byName = new LinkedHashMap<>();
    for (MultiplierDesign d : designs) {
      if (byName.put(d.name(), d) != null) {
        throw new IllegalStateException("built-in design name " + d.name() + " appears twice");
      }
    }
    return java.util.Collections.unmodifiableMap(byName);
  }

  /** The parameters of every built-in design, in catalogue order. */
  public static List<MultiplierDesign> designs() {
    return List.copyOf(DESIGNS.values());
  }

  /** The names of every built-in design, in catalogue order. */
  public static List<String> names() {
    return List.copyOf(DESIGNS.keySet());
  }

  /** The parameters of the built-in design called {@code name}. */
  public static Optional<MultiplierDesign> design(String name) {
    return Optional.ofNullable(DESIGNS.get(name));
  }

  /** The built-in multiplier called {@code name}, built on first use. */
  public static Optional<Multiplier> byName(String name) {
    MultiplierDesign d = DESIGNS.get(name);
    return d == null ? Optional.empty() : Optional.of(BUILT.computeIfAbsent(name, n -> d.build()));
  }

  /** Every built-in multiplier, in catalogue order; the first call builds them in parallel. */
  public static List<Multiplier> all() {
    if (BUILT.size() < DESIGNS.size()) {
      DESIGNS.keySet().parallelStream().forEach(BuiltinLibrary::byName);
    }
    return DESIGNS.keySet().stream().map(n -> byName(n).orElseThrow()).toList();
  }

  /** The built-in multipliers of one format, in catalogue order. */
  public static List<Multiplier> all(MultiplierFormat format) {
    return DESIGNS.values().stream().filter(d -> d.format().equals(format))
        .map(d -> byName(d.name()).orElseThrow()).toList();
  }
}
