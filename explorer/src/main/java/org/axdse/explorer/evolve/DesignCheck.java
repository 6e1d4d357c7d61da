package org.axdse.explorer.evolve;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axdse.multipliers.Multiplier;
import org.axdse.multipliers.cost.MultiplierCosts;
import org.axdse.multipliers.generators.MultiplierDesign;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.multipliers.util.JsonFiles;
import org.axdse.multipliers.util.ProgressListener;
import org.axdse.simulator.engine.SimulationSession;
import org.axdse.simulator.predict.SimulatedLoss;

/**
 * {@code axdse evolve-check}: the simulated loss ({@link SimulatedLoss}) of every evolved design of a library
 * (from its {@code evolve.json}) and, in the same layer, of the built-in designs it competes with: the layer's
 * {@code --restrict} entry when one is given, else the built-in designs on the layer's front under the evolution's
 * own figure. Only designs a search can use are checked (approximate, with a circuit that costs less power than the
 * exact reference under uniform operands). Then {@link DesignSelection} keeps evolved designs by its rule, and the
 * result holds the restriction the search gets.
 */
public final class DesignCheck {
  private DesignCheck() {}

  /** One layer's checked designs (built-in first, then evolved, each by power), kept designs and rank correlation. */
  public record LayerCheck(String layer, int index, List<CheckedDesign> designs, List<String> kept,
      double rankCorrelation) {
    public LayerCheck {
      designs = List.copyOf(designs);
      kept = List.copyOf(kept);
    }
  }

  /** Everything checked: the layers and the restriction for {@code search --restrict}. */
  public record Result(String measure, List<LayerCheck> layers, Map<String, List<String>> restriction,
      double rankCorrelation) {}

  /** The {@code evolve.json} of {@code library}, or a one-line error naming it. */
  public static JsonNode manifest(Path library) {
    Path file = library.resolve("evolve.json");
    if (!Files.isRegularFile(file)) {
      throw BadInputException.in(library, "--library: not an evolved library (no evolve.json)");
    }
    JsonNode m = JsonFiles.readTree(file);
    if (!EvolvedLibrary.FORMAT.equals(m.path("format").asText())) {
      throw BadInputException.in(file, "format: expected " + EvolvedLibrary.FORMAT);
    }
    return m;
  }

  /**
   * A one-line error unless every layer {@code manifest} names is one of {@code modelLayers} and every evolved
   * design it names is a design of {@code catalog} in {@code format}; call before any long work.
   */
  public static void check(JsonNode manifest, List<String> modelLayers, MultiplierCatalog catalog,
      MultiplierFormat format) {
    for (JsonNode l : manifest.path("layers")) {
      String name = l.path("layer").asText();
      if (!modelLayers.contains(name)) {
        throw new BadInputException("--library: evolve.json names layer '" + name + "', which the model does not "
            + "have (layers: " + String.join(", ", modelLayers) + ")");
      }
      for (JsonNode e : l.path("evolved")) {
        if (!catalog.contains(e.path("name").asText())) {
          throw new BadInputException("--library: evolve.json names design '" + e.path("name").asText()
              + "', which is not in the library");
        }
        MultiplierFormat f = catalog.byName(e.path("name").asText()).format();
        if (!f.equals(format)) {
          throw new BadInputException("--library: design '" + e.path("name").asText() + "' is " + f.namePrefix()
              + ", but the model's layers take " + format.namePrefix() + " multipliers (--quant, --weight-bits)");
        }
      }
    }
  }

  /**
   * Checks the designs of {@code manifest}'s layers (names of {@code modelLayers}) in {@code format}, the built-in
   * ones from {@code restrict} (layer to designs; layers absent from it use their front).
   */
  public static Result run(JsonNode manifest, List<String> modelLayers, MultiplierCatalog catalog,
      MultiplierFormat format, Map<String, List<String>> restrict, DesignSelection.Rule rule,
      SimulationSession session, SimulatedLoss loss, ProgressListener progress) {
    MultiplierCatalog builtinCatalog = MultiplierCatalog.builtin();
    List<String> usableBuiltin = builtinCatalog.all(format).stream().filter(DesignCheck::searchable)
        .map(Multiplier::name).toList();
    List<JsonNode> entries = new ArrayList<>();
    manifest.path("layers").forEach(entries::add);
    List<List<String[]>> plans = new ArrayList<>();
    int total = 0;
    check(manifest, modelLayers, catalog, format);
    for (JsonNode l : entries) {
      String name = l.path("layer").asText();
      List<String[]> plan = new ArrayList<>();
      List<String> builtin = restrict.containsKey(name)
          ? restrict.get(name).stream().filter(builtinCatalog::contains).toList() : front(l.path("builtin"));
      for (String b : builtin) {
        if (usableBuiltin.contains(b)) {
          plan.add(new String[] {b, "builtin"});
        }
      }
      for (JsonNode e : l.path("evolved")) {
        String d = e.path("name").asText();
        if (searchable(catalog.byName(d))) {
          plan.add(new String[] {d, "evolved"});
        }
      }
      plans.add(plan);
      total += plan.size();
    }
    List<LayerCheck> layers = new ArrayList<>();
    Map<String, List<String>> builtinLists = new LinkedHashMap<>();
    Map<String, List<String>> kept = new LinkedHashMap<>();
    List<CheckedDesign> all = new ArrayList<>();
    try (ProgressListener.Task t = progress.start("checking", total, "designs")) {
      for (int i = 0; i < entries.size(); i++) {
        JsonNode l = entries.get(i);
        String name = l.path("layer").asText();
        int index = modelLayers.indexOf(name);
        Map<String, Double> predicted = predicted(l);
        List<CheckedDesign> designs = new ArrayList<>();
        for (String[] p : plans.get(i)) {
          designs.add(new CheckedDesign(p[0], p[1].equals("evolved"), session.relativePower(index, p[0]),
              predicted.getOrDefault(p[0], Double.NaN), loss.check(name, p[0])));
          t.advance(1);
        }
        designs.sort(java.util.Comparator.comparing(CheckedDesign::evolved)
            .thenComparingDouble(CheckedDesign::relativePower).thenComparing(CheckedDesign::name));
        List<String> k = DesignSelection.kept(designs, rule);
        layers.add(new LayerCheck(name, index, designs, k, DesignSelection.rankCorrelation(designs)));
        all.addAll(designs);
        kept.put(name, k);
        List<String> base = new ArrayList<>();
        if (restrict.containsKey(name)) {
          base.addAll(restrict.get(name));
        } else {
          base.add(MultiplierDesign.exact(format).name());
          base.addAll(usableBuiltin);
        }
        builtinLists.put(name, base);
      }
    }
    Map<String, List<String>> base = new LinkedHashMap<>();
    for (String n : modelLayers) {
      if (builtinLists.containsKey(n)) {
        base.put(n, builtinLists.get(n));
      } else if (restrict.containsKey(n)) {
        base.put(n, restrict.get(n));
      }
    }
    return new Result(manifest.path("settings").path("measure").asText(), layers,
        DesignSelection.restriction(base, kept), DesignSelection.rankCorrelation(all));
  }

  /** Whether a search can use {@code m}: approximate, with a circuit of less power than the exact reference. */
  static boolean searchable(Multiplier m) {
    return !m.table().isExact() && MultiplierCosts.defaults()
        .relativeCost(m, MultiplierCatalog.exactReference(m.format())).map(c -> c.power() < 1.0).orElse(false);
  }

  /** The evolution's figure of every design of a layer entry of {@code evolve.json}. */
  private static Map<String, Double> predicted(JsonNode layer) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (String key : List.of("builtin", "evolved")) {
      for (JsonNode d : layer.path(key)) {
        out.put(d.path("name").asText(), d.path("error").asDouble(Double.NaN));
      }
    }
    return out;
  }

  /** The built-in designs no other of the list dominates in (figure, power), in the list's order. */
  private static List<String> front(JsonNode builtin) {
    List<JsonNode> all = new ArrayList<>();
    builtin.forEach(all::add);
    List<String> out = new ArrayList<>();
    for (JsonNode d : all) {
      double e = d.path("error").asDouble();
      double p = d.path("relativePower").asDouble();
      boolean dominated = all.stream().anyMatch(o -> o != d && o.path("error").asDouble() <= e
          && o.path("relativePower").asDouble() <= p
          && (o.path("error").asDouble() < e || o.path("relativePower").asDouble() < p));
      if (!dominated) {
        out.add(d.path("name").asText());
      }
    }
    return out;
  }
}
