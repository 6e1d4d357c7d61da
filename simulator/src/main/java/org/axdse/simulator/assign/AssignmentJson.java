package org.axdse.simulator.assign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axdse.multipliers.util.AtomicFiles;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.multipliers.util.IoProblems;
import org.axdse.multipliers.util.JsonFiles;

/**
 * Reads and writes assignment files:
 *
 * <pre>
 * {"layers": {"conv1": "u8x8_trunc4", "3": "u8x8_bam_h2v5", "fc": ["u8x8_exact", "u8x8_trunc2", ...]}}
 * </pre>
 *
 * A key is an approximable layer's name or index; a value is one multiplier name for the whole layer or a list
 * with one name per output channel. Layers not listed stay exact. Names are checked against the model and the
 * library later, by the simulator; this class checks the structure, and reports problems as one line naming the
 * file (and the line, where the JSON parser gives one).
 */
public final class AssignmentJson {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private AssignmentJson() {}

  public static Assignment read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw BadInputException.in(file, "no such file");
    } catch (IOException e) {
      throw IoProblems.badInput(file, e);
    }
    return parse(file, bytes);
  }

  /** Parses {@code bytes} as the content of {@code file} (named in errors). */
  public static Assignment parse(Path file, byte[] bytes) {
    JsonFiles.checkStrict(file, bytes);
    JsonNode root;
    try {
      root = JSON.readTree(bytes);
    } catch (JsonProcessingException e) {
      String msg = e.getOriginalMessage().lines().findFirst().orElse("malformed JSON");
      if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
        throw BadInputException.at(file, e.getLocation().getLineNr(), msg);
      }
      throw BadInputException.in(file, msg);
    } catch (IOException e) {
      throw BadInputException.in(file, "cannot parse: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw BadInputException.in(file, "expected a JSON object {\"layers\": {...}}");
    }
    var names = root.fieldNames();
    while (names.hasNext()) {
      String key = names.next();
      if (!key.equals("layers") && !key.equals("share")) { // "share": read by share.SharingJson
        throw BadInputException.in(file, "unknown key '" + key + "' (expected \"layers\" or \"share\")");
      }
    }
    JsonNode layers = root.get("layers");
    if (layers == null || !layers.isObject()) {
      throw BadInputException.in(file, "\"layers\" must be an object mapping layer names or indices to multipliers");
    }
    Map<String, LayerAssignment> map = new LinkedHashMap<>();
    var fields = layers.fields();
    while (fields.hasNext()) {
      var e = fields.next();
      String layer = e.getKey();
      if (layer.isBlank()) {
        throw BadInputException.in(file, "a layer name is blank");
      }
      map.put(layer, layer(file, layer, e.getValue()));
    }
    return new Assignment(map);
  }

  private static LayerAssignment layer(Path file, String layer, JsonNode v) {
    if (v.isTextual()) {
      return LayerAssignment.uniform(name(file, layer, v));
    }
    if (v.isArray()) {
      if (v.isEmpty()) {
        throw BadInputException.in(file, "layer '" + layer + "': the per-channel list is empty");
      }
      List<String> list = new ArrayList<>(v.size());
      for (JsonNode item : v) {
        if (!item.isTextual()) {
          throw BadInputException.in(file, "layer '" + layer + "': per-channel entries must be multiplier names, got "
              + item.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        list.add(name(file, layer, item));
      }
      return LayerAssignment.perChannel(list);
    }
    throw BadInputException.in(file, "layer '" + layer + "': expected a multiplier name or a list of names, got "
        + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
  }

  private static String name(Path file, String layer, JsonNode v) {
    String s = v.asText();
    if (s.isBlank()) {
      throw BadInputException.in(file, "layer '" + layer + "': multiplier name is blank");
    }
    return s;
  }

  /** The JSON form of {@code assignment}. */
  public static ObjectNode toJson(Assignment assignment) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode layers = root.putObject("layers");
    assignment.layers().forEach((layer, a) -> {
      switch (a) {
        case LayerAssignment.Uniform u -> layers.put(layer, u.multiplier());
        case LayerAssignment.PerChannel p -> {
          ArrayNode list = layers.putArray(layer);
          p.multipliers().forEach(list::add);
        }
      }
    });
    return root;
  }

  /** Writes {@code assignment} to {@code file} (atomically). */
  public static void write(Assignment assignment, Path file) {
    try {
      AtomicFiles.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(assignment))
          + "\n");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
