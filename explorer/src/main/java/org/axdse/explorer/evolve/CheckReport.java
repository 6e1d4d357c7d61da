package org.axdse.explorer.evolve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.axdse.multipliers.util.AtomicFiles;

/**
 * What {@code axdse evolve-check} writes and prints: {@code check.json} (the settings, every checked design's
 * power, predicted and simulated loss, top-1 changes, the kept designs and the rank correlations) and
 * {@code restrict.json} (the restriction for {@code search --restrict}, with the library as {@code --library}).
 */
public final class CheckReport {
  /** The {@code format} field of {@code check.json}. */
  public static final String FORMAT = "axdse-evolve-check-1";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private CheckReport() {}

  /** The {@code check.json} document. */
  public static Map<String, Object> document(DesignCheck.Result r, Map<String, Object> settings) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", FORMAT);
    m.put("settings", settings);
    m.put("measure", r.measure());
    m.put("rankCorrelation", finite(r.rankCorrelation()));
    m.put("layers", r.layers().stream().map(l -> {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("layer", l.layer());
      e.put("index", l.index());
      e.put("rankCorrelation", finite(l.rankCorrelation()));
      e.put("kept", l.kept());
      e.put("designs", l.designs().stream().map(d -> {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("name", d.name());
        x.put("kind", d.evolved() ? "evolved" : "builtin");
        x.put("relativePower", d.relativePower());
        x.put("predicted", finite(d.predicted()));
        x.put("simulated", d.simulated().logitChange());
        x.put("flips", d.simulated().flips());
        x.put("correct", d.simulated().correct());
        x.put("exactCorrect", d.simulated().exactCorrect());
        x.put("images", d.simulated().images());
        x.put("drop", d.simulated().drop());
        if (d.evolved()) {
          x.put("beatsCheaperBuiltins", DesignSelection.beatsCheaperBuiltins(d, l.designs()));
        }
        return x;
      }).toList());
      return e;
    }).toList());
    return m;
  }

  /** Writes {@code check.json} and {@code restrict.json} into {@code out}, each atomically. */
  public static void write(Path out, DesignCheck.Result r, Map<String, Object> settings) {
    try {
      AtomicFiles.write(out.resolve("check.json"), JSON.writeValueAsBytes(document(r, settings)));
      AtomicFiles.write(out.resolve("restrict.json"), JSON.writeValueAsBytes(r.restriction()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Prints the check as a table, or as {@code check.json}'s document. */
  public static void print(PrintWriter w, boolean json, Path out, DesignCheck.Result r, Map<String, Object> settings) {
    if (json) {
      try {
        w.println(JSON.writeValueAsString(document(r, settings)));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
      w.flush();
      return;
    }
    w.printf(Locale.ROOT, "simulated loss: one layer approximate, compensated %s, %s images; predicted: %s; "
        + "kept: %s%n", settings.get("compensation"), settings.get("images"), r.measure(), settings.get("keep"));
    for (DesignCheck.LayerCheck l : r.layers()) {
      w.printf(Locale.ROOT, "%nlayer %s (A%d): rank correlation predicted/simulated %s, kept %d of %d evolved%n",
          l.layer(), l.index(), rho(l.rankCorrelation()), l.kept().size(),
          l.designs().stream().filter(CheckedDesign::evolved).count());
      w.printf(Locale.ROOT, "%-36s %-8s %7s %10s %10s %6s %7s %5s %13s%n", "design", "kind", "power", "predicted",
          "simulated", "flips", "drop", "kept", "beats cheaper");
      for (CheckedDesign d : l.designs()) {
        w.printf(Locale.ROOT, "%-36s %-8s %7.4f %10.3g %10.3g %6d %7.2f %5s %13s%n", d.name(),
            d.evolved() ? "evolved" : "built-in", d.relativePower(), d.predicted(), d.simulated().logitChange(),
            d.simulated().flips(), d.simulated().drop(), d.evolved() ? l.kept().contains(d.name()) ? "yes" : "no"
                : "", d.evolved() ? DesignSelection.beatsCheaperBuiltins(d, l.designs()) ? "yes" : "no" : "");
      }
    }
    long kept = r.layers().stream().mapToLong(l -> l.kept().size()).sum();
    long evolved = r.layers().stream().flatMap(l -> l.designs().stream()).filter(CheckedDesign::evolved).count();
    w.printf(Locale.ROOT, "%nkept %d of %d evolved designs; rank correlation over all checked designs %s%n", kept,
        evolved, rho(r.rankCorrelation()));
    w.printf(Locale.ROOT, "wrote %s and %s (search --restrict %s)%n", out.resolve("check.json"),
        out.resolve("restrict.json"), out.resolve("restrict.json"));
    w.flush();
  }

  private static Object finite(double v) {
    return Double.isFinite(v) ? v : null;
  }

  private static String rho(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f", v);
  }
}
