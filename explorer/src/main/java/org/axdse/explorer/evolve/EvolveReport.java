package org.axdse.explorer.evolve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code axdse evolve} prints: per layer, each evolved design on the front (bound, error under the layer's
 * distribution, relative power, generations, candidates simulated) beside the built-in design of least error
 * among those of at most its power. {@code --format json} prints the same as one JSON document.
 */
public final class EvolveReport {
  private EvolveReport() {}

  public static void print(PrintStream out, boolean json, Path library, List<LayerFront> fronts,
      Map<String, Object> settings) {
    if (json) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("library", library.toString());
      doc.put("settings", settings);
      doc.put("layers", fronts.stream().map(f -> {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("layer", f.layer());
        m.put("evolved", f.evolved().stream().map(d -> row(f, d)).toList());
        return m;
      }).toList());
      try {
        out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
      return;
    }
    out.printf(Locale.ROOT, "library %s: %s <= %s, seed %s, from %s, %.1f s%n", library, settings.get("measure"),
        settings.get("bounds"), settings.get("seed"), settings.get("seedDesign"), settings.get("seconds"));
    for (LayerFront f : fronts) {
      out.printf(Locale.ROOT, "%nlayer %s%n", f.layer());
      out.printf(Locale.ROOT, "%-36s %6s %-17s %10s %7s %7s %8s   %-18s %10s %7s%n", "evolved design", "bound",
          "from", "error", "power", "gens", "evals", "best built-in <=", "error", "power");
      if (f.evolved().isEmpty()) {
        out.println("(no approximate design within the bounds)");
      }
      for (EvolvedDesign d : f.evolved()) {
        Optional<DesignPoint> b = f.bestBuiltinAtMost(d.point().relativePower());
        out.printf(Locale.ROOT, "%-36s %6s %-17s %10.3e %7.4f %7d %8d   %-18s %10s %7s%n",
            d.multiplier().name(), EvolveSettings.label(d.run().threshold()), d.run().from(), d.point().error(),
            d.point().relativePower(), d.run().generations(), d.run().evaluations(),
            b.map(DesignPoint::name).orElse("(none)"),
            b.map(p -> String.format(Locale.ROOT, "%.3e", p.error())).orElse("-"),
            b.map(p -> String.format(Locale.ROOT, "%.4f", p.relativePower())).orElse("-"));
      }
    }
  }

  private static Map<String, Object> row(LayerFront f, EvolvedDesign d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", d.multiplier().name());
    m.put("bound", d.run().threshold());
    m.put("from", d.run().from());
    m.put("error", d.point().error());
    m.put("relativePower", d.point().relativePower());
    m.put("generations", d.run().generations());
    m.put("evaluations", d.run().evaluations());
    f.bestBuiltinAtMost(d.point().relativePower()).ifPresent(b -> {
      m.put("bestBuiltin", b.name());
      m.put("bestBuiltinError", b.error());
      m.put("bestBuiltinRelativePower", b.relativePower());
    });
    return m;
  }
}
