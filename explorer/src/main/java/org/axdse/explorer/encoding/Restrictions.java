package org.axdse.explorer.encoding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.multipliers.util.IoProblems;
import org.axdse.multipliers.util.JsonFiles;

/**
 * Per-layer library restrictions as given to {@code --restrict}: either {@code LAYER=M1,M2} (several layers
 * separated by {@code ;}, or the option repeated), or the path of a JSON file {@code {"LAYER": ["M1", "M2"],
 * ...}}. Layers not named keep every usable multiplier. Names are checked against the model in {@link
 * SearchSpace#restrict}.
 */
public final class Restrictions {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Restrictions() {}

  /** The restrictions of every {@code --restrict} value, in order; a layer named twice is an error. */
  public static Map<String, List<String>> parse(List<String> values) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String value : values) {
      if (!value.contains("=")) {
        merge(out, readJson(Path.of(value)), "--restrict " + value);
        continue;
      }
      Map<String, List<String>> one = new LinkedHashMap<>();
      for (String part : value.split(";")) {
        if (part.isBlank()) {
          continue;
        }
        int eq = part.indexOf('=');
        String layer = eq < 0 ? "" : part.substring(0, eq).strip();
        List<String> names = eq < 0 ? List.of() : Arrays.stream(part.substring(eq + 1).split(","))
            .map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (layer.isEmpty() || names.isEmpty()) {
          throw new BadInputException("--restrict: expected LAYER=MULTIPLIER[,MULTIPLIER...], not '"
              + part.strip() + "'");
        }
        if (one.put(layer, names) != null) {
          throw new BadInputException("--restrict: layer " + layer + " is restricted twice");
        }
      }
      merge(out, one, "--restrict");
    }
    return out;
  }

  private static void merge(Map<String, List<String>> into, Map<String, List<String>> more, String source) {
    for (var e : more.entrySet()) {
      if (into.put(e.getKey(), List.copyOf(e.getValue())) != null) {
        throw new BadInputException(source + ": layer " + e.getKey() + " is restricted twice");
      }
    }
  }

  private static Map<String, List<String>> readJson(Path file) {
    Map<String, List<String>> m;
    try {
      m = JSON.readValue(JsonFiles.strictBytes(file), new TypeReference<LinkedHashMap<String, List<String>>>() {});
    } catch (NoSuchFileException e) {
      throw BadInputException.in(file, "no such file (--restrict takes LAYER=M1,M2 or a JSON file)");
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      String problem = "expected {\"LAYER\": [\"MULTIPLIER\", ...], ...}: " + e.getOriginalMessage();
      throw line > 0 ? BadInputException.at(file, line, problem) : BadInputException.in(file, problem);
    } catch (IOException e) {
      throw IoProblems.badInput(file, e);
    }
    if (m == null) {
      throw BadInputException.in(file, "empty JSON document");
    }
    for (var e : m.entrySet()) {
      if (e.getValue() == null || e.getValue().isEmpty() || e.getValue().contains(null)) {
        throw BadInputException.in(file, "layer " + e.getKey() + ": needs a non-empty list of multiplier names");
      }
    }
    return m;
  }
}
