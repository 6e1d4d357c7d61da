package org.axdse.simulator.compensation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.multipliers.util.JsonFiles;

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
    try {
      return new CompensationFile(text(root, "model"), text(root, "dataset"), text(root, "split"),
          root.path("images").asInt(0), object(root, "assignment"), object(root, "quantization"),
          CompensationJson.fromJson(object(root, "compensation")));
    } catch (IllegalArgumentException e) {
      throw BadInputException.in(file, e.getMessage());
    }
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
