package org.axdse.simulator.compensation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.multipliers.util.JsonFiles;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.Preprocessing;
import org.axdse.simulator.quant.QuantizedModel;

/**
 * What {@code axdse compensate --out C.json} writes and {@code axdse evaluate --config C.json} reads back: the
 * model, data set, split and number of images the accuracies were measured on, the assignment (assignment-file
 * shape), the uncompensated quantization ({@code QuantizedModel.toJson}) and the {@link Compensation}. Applying the
 * compensation to that quantization reproduces the compensated accuracy exactly.
 */
public record CompensationFile(String model, String dataset, String split, int images, JsonNode assignment,
    JsonNode quantization, Compensation compensation) {
  public static final String FORMAT = "axdse-compensation";
  public static final int FORMAT_VERSION = 1;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> KEYS = List.of("format", "formatVersion", "model", "dataset", "split",
      "images", "source", "accuracy", "assignment", "quantization", "compensation", "compensateSeconds",
      "seconds", "exportedModel");

  /** True when {@code file} is JSON whose top-level {@code format} is {@link #FORMAT}; false for anything else. */
  public static boolean isCompensationFile(Path file) {
    return JsonFiles.hasFormat(file, FORMAT);
  }


  /** Reads {@code file}; any problem is a one-line {@link BadInputException} naming the file and the field. */
  public static CompensationFile read(Path file) {
    JsonNode root = JsonFiles.read(file, JSON, JsonNode.class);
    if (!root.isObject() || !FORMAT.equals(root.path("format").asText(""))) {
      throw BadInputException.in(file, "not an " + FORMAT + " file (format field)");
    }
    if (root.path("formatVersion").asInt(-1) != FORMAT_VERSION) {
      throw BadInputException.in(file, "unsupported formatVersion " + root.path("formatVersion")
          + " (this build reads " + FORMAT_VERSION + ")");
    }
    root.fieldNames().forEachRemaining(key -> {
      if (!KEYS.contains(key)) {
        throw BadInputException.in(file, "unknown field '" + key + "' (known: " + String.join(", ", KEYS) + ")");
      }
    });
    try {
      return new CompensationFile(text(root, "model"), text(root, "dataset"), text(root, "split"),
          images(root), object(root, "assignment"), object(root, "quantization"),
          CompensationJson.fromJson(object(root, "compensation")));
    } catch (IllegalArgumentException e) {
      throw BadInputException.in(file, e.getMessage());
    }
  }

  /**
   * The recorded (uncompensated) quantization of {@code model}, checked to take the recorded compensation (layer
   * names, channels, weight codes in range); {@code file} names this file in the error.
   */
  public QuantizedModel quantization(Path file, Model model, Preprocessing pre) {
    try {
      QuantizedModel q = QuantizedModel.fromJson(quantization, model, pre);
      compensation.applyTo(q);
      return q;
    } catch (IllegalArgumentException e) {
      throw BadInputException.in(file, e.getMessage());
    }
  }

  /**
   * The evaluation images: {@code limit} when given, else the recorded {@link #images}, which must not exceed what
   * {@code all} (the recorded split) holds; {@code file} names this file in the error.
   */
  public Dataset evaluationSet(Path file, Dataset all, Integer limit) {
    if (limit == null && images > all.size()) {
      throw BadInputException.in(file, "images: " + images + " recorded, but the " + split + " split of " + all.name()
          + " holds " + all.size());
    }
    int n = limit != null ? limit : images;
    return n > 0 && n < all.size() ? all.limit(n) : all;
  }

  private static int images(JsonNode root) {
    JsonNode v = root.get("images");
    if (v == null || !v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 1) {
      throw new IllegalArgumentException("images: expected a whole number of images >= 1, got " + v);
    }
    return v.asInt();
  }

  private static String text(JsonNode root, String field) {
    JsonNode v = root.get(field);
    if (v == null || !v.isTextual()) {
      throw new IllegalArgumentException(field + ": expected a string");
    }
    return v.asText();
  }

  private static JsonNode object(JsonNode root, String field) {
    JsonNode v = root.get(field);
    if (v == null || !v.isObject()) {
      throw new IllegalArgumentException(field + ": expected an object");
    }
    return v;
  }
}
