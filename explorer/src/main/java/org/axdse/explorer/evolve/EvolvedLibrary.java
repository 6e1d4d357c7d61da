package org.axdse.explorer.evolve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axdse.multipliers.Multiplier;
import org.axdse.multipliers.io.FileFormat;
import org.axdse.multipliers.io.MultiplierFiles;
import org.axdse.multipliers.metrics.ErrorMetrics;
import org.axdse.multipliers.util.AtomicFiles;
import org.axdse.multipliers.util.JsonFiles;
import org.axdse.simulator.engine.LayerOperands;

/**
 * Writes evolved designs as a library directory that {@code search --library} and {@code multipliers list} load:
 * {@code NAME.v} with its sidecar {@code NAME.v.meta.json} (the only files the loader reads), and beside them, in
 * folders the loader skips, {@code tables/NAME.csv} (the product table), {@code metrics/NAME.json} (error under the
 * layer and under uniform operands, cost, run figures), {@code distributions/LAYER.json} (the activation and
 * weight code counts the design was evolved for) and {@code evolve.json} (the settings and every layer's front
 * beside the built-in designs). Every file is written atomically.
 */
public final class EvolvedLibrary {
  /** The {@code format} field of {@code evolve.json}. */
  public static final String FORMAT = "axdse-evolve-1";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private EvolvedLibrary() {}

  /** Writes {@code fronts} (with the layers' operands) to {@code out}; returns the design files written. */
  public static List<Path> write(Path out, List<LayerFront> fronts, List<LayerOperands> layers,
      Map<String, Object> settings) {
    List<Path> written = new ArrayList<>();
    for (int l = 0; l < fronts.size(); l++) {
      LayerFront f = fronts.get(l);
      LayerOperands ops = layers.get(l);
      for (EvolvedDesign d : f.evolved()) {
        Multiplier m = d.multiplier();
        Path v = out.resolve(m.name() + ".v");
        MultiplierFiles.writeWithSidecar(m, FileFormat.VERILOG, v);
        MultiplierFiles.write(m, FileFormat.CSV, out.resolve("tables").resolve(m.name() + ".csv"));
        json(out.resolve("metrics").resolve(m.name() + ".json"), metrics(d, settings));
        written.add(v);
      }
      Map<String, Object> dist = new LinkedHashMap<>();
      dist.put("layer", ops.name());
      dist.put("format", ops.distribution().format().label());
      dist.put("activationCounts", ops.activationCounts());
      dist.put("weightCounts", ops.weightCounts());
      json(out.resolve("distributions").resolve(EvolvedNames.fileSafe(ops.name()) + ".json"), dist);
    }
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("format", FORMAT);
    manifest.put("settings", settings);
    manifest.put("layers", fronts.stream().map(EvolvedLibrary::layer).toList());
    json(out.resolve("evolve.json"), manifest);
    return written;
  }

  /**
   * Deletes the design files of an earlier completion of the evolution in {@code out} (named in its
   * {@code evolve.json}), so that a resumed run leaves only its own front in the library.
   */
  public static void removePrevious(Path out) {
    Path manifest = out.resolve("evolve.json");
    if (!Files.isRegularFile(manifest)) {
      return;
    }
    try {
      for (JsonNode layer : JsonFiles.readTree(manifest).path("layers")) {
        for (JsonNode d : layer.path("evolved")) {
          String name = d.path("name").asText();
          if (name.isEmpty() || !name.equals(EvolvedNames.fileSafe(name))) {
            continue;
          }
          Files.deleteIfExists(out.resolve(name + ".v"));
          Files.deleteIfExists(out.resolve(name + ".v.meta.json"));
          Files.deleteIfExists(out.resolve("tables").resolve(name + ".csv"));
          Files.deleteIfExists(out.resolve("metrics").resolve(name + ".json"));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, Object> metrics(EvolvedDesign d, Map<String, Object> settings) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", d.multiplier().name());
    m.put("layer", d.run().layer());
    m.put("measure", settings.get("measure"));
    m.put("bound", d.run().threshold());
    m.put("error", d.point().error());
    m.put("layerError", d.point().layerError());
    m.put("relativePower", d.point().relativePower());
    m.put("cost", d.point().cost());
    m.put("cells", d.multiplier().netlist().cells().size());
    m.put("uniformMetrics", ErrorMetrics.of(d.multiplier().table()));
    m.put("generations", d.run().generations());
    m.put("evaluations", d.run().evaluations());
    m.put("seconds", d.run().seconds());
    m.put("seed", settings.get("seed"));
    m.put("seedDesign", d.run().from());
    return m;
  }

  private static Map<String, Object> layer(LayerFront f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("layer", f.layer());
    m.put("evolved", f.evolved().stream().map(d -> {
      Map<String, Object> e = point(d.point());
      e.put("bound", d.run().threshold());
      e.put("from", d.run().from());
      e.put("generations", d.run().generations());
      e.put("evaluations", d.run().evaluations());
      e.put("bestBuiltinAtMostThisPower", f.bestBuiltinAtMost(d.point().relativePower()).map(b -> b.name())
          .orElse(null));
      return e;
    }).toList());
    m.put("builtin", f.builtin().stream().map(EvolvedLibrary::point).toList());
    return m;
  }

  private static Map<String, Object> point(DesignPoint p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", p.name());
    m.put("error", p.error());
    m.put("relativePower", p.relativePower());
    return m;
  }

  private static void json(Path file, Object value) {
    try {
      AtomicFiles.write(file, JSON.writeValueAsBytes(value));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
