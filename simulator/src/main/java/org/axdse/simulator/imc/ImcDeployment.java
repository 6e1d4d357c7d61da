package org.axdse.simulator.imc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.axdse.multipliers.util.AtomicFiles;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.multipliers.util.JsonFiles;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.assign.LayerAssignment;

/**
 * The deployment file of an IMC search point ({@code axdse pick} on a {@code --target imc} run): format {@value
 * #FORMAT}, the model (path and SHA-256), the data set, the quantization it was searched with, the architecture
 * (the whole JSON object), one configuration {@code pP-sS-aA} per mapped layer, which point of which run, the
 * figures the run measured ({@code expected}) and, after {@code pick --verify}, those measured again
 * ({@code verified}). {@code axdse imc evaluate --config deploy.json} replays it bit for bit.
 *
 * @param quant {@code sym} or {@code asym}
 * @param architecture the architecture file's JSON object
 * @param layers layer name to configuration name, in network order
 * @param selection, expected, verified free-form objects written by {@code pick} (verified may be null)
 * @param biasImages calibration images of the bias correction the run applied ({@code compensation} object of the
 *     file: {@code method bias}, {@code bias_images}, {@code bias_order}); 0 without (no such object)
 * @param biasOrder {@code exact}, {@code sequential} or {@code network}; empty without a correction
 */
public record ImcDeployment(String modelPath, String modelSha256, String data, String quant, boolean perChannel,
    int weightBits, int calib, JsonNode architecture, Map<String, String> layers, JsonNode selection,
    JsonNode expected, JsonNode verified, int biasImages, String biasOrder) {
  public static final String FORMAT = "axdse-imc-deploy";
  public static final int FORMAT_VERSION = 1;
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public ImcDeployment {
    Objects.requireNonNull(modelPath, "model path");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(quant, "quant");
    Objects.requireNonNull(architecture, "architecture");
    layers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(layers));
  }

  /** True when {@code file} is an IMC deployment file. */
  public static boolean isDeployment(Path file) {
    return JsonFiles.hasFormat(file, FORMAT);
  }

  /** The architecture the file records; errors name the file. */
  public ImcArchitecture arch(Path file) {
    return ImcArchitectureJson.parse(file, architecture.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The configurations as an assignment (the IMC configuration file format). */
  public Assignment assignment() {
    Map<String, LayerAssignment> m = new LinkedHashMap<>();
    layers.forEach((k, v) -> m.put(k, new LayerAssignment.Uniform(v)));
    return new Assignment(m);
  }

  /** Writes the file atomically. */
  public void write(Path file) {
    ObjectNode root = JSON.createObjectNode().put("format", FORMAT).put("format_version", FORMAT_VERSION);
    root.putObject("model").put("path", modelPath).put("sha256", modelSha256);
    root.put("data", data);
    root.putObject("quantization").put("quant", quant).put("per_channel", perChannel).put("weight_bits", weightBits)
        .put("calib", calib).put("calib_method", "percentile");
    root.set("architecture", architecture);
    if (biasImages > 0) {
      root.putObject("compensation").put("method", "bias").put("bias_images", biasImages).put("bias_order",
          biasOrder);
    }
    ObjectNode l = root.putObject("layers");
    layers.forEach(l::put);
    root.set("selection", selection);
    root.set("expected", expected);
    root.set("verified", verified);
    AtomicFiles.write(file, out -> {
      out.write(JSON.writeValueAsBytes(root));
      out.write('\n');
    });
  }

  /** Reads a file written by {@link #write}; a missing or wrong field is one line naming the file and field. */
  public static ImcDeployment read(Path file) {
    JsonNode root = JsonFiles.readTree(file);
    if (!root.path("format").asText("").equals(FORMAT)) {
      throw BadInputException.in(file, "format must be " + FORMAT);
    }
    if (root.path("format_version").asInt(-1) != FORMAT_VERSION) {
      throw BadInputException.in(file, "format_version must be " + FORMAT_VERSION);
    }
    JsonNode q = object(file, root, "quantization");
    JsonNode model = object(file, root, "model");
    JsonNode layers = object(file, root, "layers");
    Map<String, String> m = new LinkedHashMap<>();
    layers.fields().forEachRemaining(e -> {
      if (!e.getValue().isTextual()) {
        throw BadInputException.in(file, "layers." + e.getKey() + " must be a configuration name pP-sS-aA");
      }
      m.put(e.getKey(), e.getValue().asText());
    });
    JsonNode c = root.get("compensation");
    String order = "";
    if (c != null) {
      order = text(file, object(file, root, "compensation"), "compensation.bias_order");
      if (!c.path("method").asText("").equals("bias") || integer(file, c, "compensation.bias_images") < 1
          || !List.of("exact", "sequential", "network").contains(order)) {
        throw BadInputException.in(file, "compensation must have method bias, bias_images >= 1 and bias_order "
            + "exact, sequential or network");
      }
    }
    String quant = text(file, q, "quantization.quant");
    if (!quant.equals("sym") && !quant.equals("asym")) {
      throw BadInputException.in(file, "quantization.quant must be sym or asym, not '" + quant + "'");
    }
    if (!q.path("calib_method").asText("percentile").equals("percentile")) {
      throw BadInputException.in(file, "quantization.calib_method must be percentile");
    }
    return new ImcDeployment(text(file, model, "model.path"), model.path("sha256").asText(""),
        text(file, root, "data"), quant, bool(file, q, "quantization.per_channel"),
        integer(file, q, "quantization.weight_bits"), integer(file, q, "quantization.calib"),
        object(file, root, "architecture"), m, root.path("selection"), root.path("expected"),
        root.get("verified"), c == null ? 0 : c.path("bias_images").asInt(), c == null ? "" : order);
  }

  private static JsonNode field(JsonNode parent, String dotted) {
    return parent.path(dotted.substring(dotted.lastIndexOf('.') + 1));
  }

  private static JsonNode object(Path file, JsonNode parent, String name) {
    JsonNode n = parent.path(name);
    if (!n.isObject()) {
      throw BadInputException.in(file, "missing object '" + name + "'");
    }
    return n;
  }

  private static String text(Path file, JsonNode parent, String name) {
    JsonNode n = field(parent, name);
    if (!n.isTextual()) {
      throw BadInputException.in(file, "missing text field '" + name + "'");
    }
    return n.asText();
  }

  private static boolean bool(Path file, JsonNode parent, String name) {
    JsonNode n = field(parent, name);
    if (!n.isBoolean()) {
      throw BadInputException.in(file, "missing boolean field '" + name + "'");
    }
    return n.asBoolean();
  }

  private static int integer(Path file, JsonNode parent, String name) {
    JsonNode n = field(parent, name);
    if (!n.isInt()) {
      throw BadInputException.in(file, "missing integer field '" + name + "'");
    }
    return n.asInt();
  }
}
