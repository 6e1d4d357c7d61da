package org.axdse.explorer.backend;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axdse.simulator.imc.ImcArchitecture;
import org.axdse.simulator.imc.ImcArchitectureJson;
import org.axdse.simulator.imc.ImcKnobs;

/**
 * The in-memory-computing target of a search ({@code axdse search --target imc}): the architecture, held as its
 * JSON text (so a checkpoint, {@code run.json} and a cluster worker carry it whole and a resumed run cannot see an
 * edited file), and the floors of the generated per-layer configurations {@code pP-sS-aA}: planes
 * {@code minPlanes..8}, slices {@code minSlices..S}, ADC bits {@code minAdcBits..F} (S and F from the
 * architecture and weight width).
 *
 * <p>With {@code --compensate bias} every candidate's layers get the bias correction of {@code axdse imc evaluate
 * --compensate bias}: measured on the first {@code biasImages} calibration images in {@code biasOrder} ({@code
 * exact}, {@code sequential} or {@code network}), so a point replays bit for bit there.
 *
 * @param architecture the architecture file's JSON, normalised to compact form
 * @param biasImages calibration images of the bias correction; 0: no correction
 * @param biasOrder {@code exact}, {@code sequential} or {@code network} with a correction, empty without
 */
public record ImcOptions(String architecture, int minPlanes, int minSlices, int minAdcBits, int biasImages,
    String biasOrder) {
  /** {@code --imc-min-planes}, {@code --imc-min-slices}, {@code --imc-min-adc-bits} defaults. */
  public static final int DEFAULT_MIN_PLANES = 3;
  public static final int DEFAULT_MIN_SLICES = 2;
  public static final int DEFAULT_MIN_ADC_BITS = 4;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path LABEL = Path.of("imc_arch");

  /** The bias orders of {@code --bias-order}. */
  public static final java.util.List<String> BIAS_ORDERS = java.util.List.of("exact", "sequential", "network");

  public ImcOptions {
    architecture = compact(architecture);
    if (biasImages < 0 || (biasImages == 0) != biasOrder.isEmpty()
        || (biasImages > 0 && !BIAS_ORDERS.contains(biasOrder))) {
      throw new IllegalArgumentException("--bias-images must be >= 1 and --bias-order one of " + BIAS_ORDERS
          + " with --compensate bias: " + biasImages + ", '" + biasOrder + "'");
    }
    ImcArchitecture arch = ImcArchitectureJson.parse(LABEL, architecture.getBytes(StandardCharsets.UTF_8));
    if (minPlanes < 1 || minPlanes > ImcKnobs.ACTIVATION_BITS) {
      throw new IllegalArgumentException("--imc-min-planes must be 1..8: " + minPlanes);
    }
    if (minSlices < 1) {
      throw new IllegalArgumentException("--imc-min-slices must be >= 1: " + minSlices);
    }
    if (minAdcBits < 1 || minAdcBits > arch.fullAdcBits()) {
      throw new IllegalArgumentException("--imc-min-adc-bits must be 1.." + arch.fullAdcBits() + " (the full "
          + "resolution of " + arch.name() + "): " + minAdcBits);
    }
  }

  /** Options without bias correction. */
  public ImcOptions(String architecture, int minPlanes, int minSlices, int minAdcBits) {
    this(architecture, minPlanes, minSlices, minAdcBits, 0, "");
  }

  /** These options with the bias correction on {@code images} calibration images in {@code order}. */
  public ImcOptions withBias(int images, String order) {
    return new ImcOptions(architecture, minPlanes, minSlices, minAdcBits, images, order);
  }

  /** True when candidates get the bias correction. */
  public boolean compensates() {
    return biasImages > 0;
  }

  /** The architecture (already checked when these options were made). */
  public ImcArchitecture arch() {
    return ImcArchitectureJson.parse(LABEL, architecture.getBytes(StandardCharsets.UTF_8));
  }

  /** The options for the architecture file {@code file} (null: the shipped default); errors name the file. */
  public static ImcOptions of(Path file, int minPlanes, int minSlices, int minAdcBits) {
    byte[] bytes;
    if (file == null) {
      bytes = ImcArchitectureJson.defaultBytes();
    } else {
      ImcArchitectureJson.read(file);
      bytes = org.axdse.multipliers.util.JsonFiles.readTree(file).toString().getBytes(StandardCharsets.UTF_8);
    }
    return new ImcOptions(new String(bytes, StandardCharsets.UTF_8), minPlanes, minSlices, minAdcBits);
  }

  /**
   * The settings keys ({@code target}, {@code imc_arch} as a JSON object, the floors, with a bias correction {@code
   * imc_bias_images} and {@code imc_bias_order}); {@link #fromMap} reads them.
   */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("target", "imc");
    try {
      m.put("imc_arch", JSON.readValue(architecture, LinkedHashMap.class));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    m.put("imc_min_planes", minPlanes);
    m.put("imc_min_slices", minSlices);
    m.put("imc_min_adc_bits", minAdcBits);
    if (compensates()) {
      m.put("imc_bias_images", biasImages);
      m.put("imc_bias_order", biasOrder);
    }
    return m;
  }

  /** The IMC options in a settings map, or null when the run targets multipliers (no {@code target: imc}). */
  public static ImcOptions fromMap(Map<String, Object> m) {
    Object target = m.get("target");
    if (target == null || "multipliers".equals(target)) {
      return null;
    }
    if (!"imc".equals(target)) {
      throw new IllegalArgumentException("target must be multipliers or imc, not '" + target + "'");
    }
    Object arch = m.get("imc_arch");
    if (!(arch instanceof Map<?, ?>)) {
      throw new IllegalArgumentException("target imc needs the architecture object imc_arch");
    }
    ImcOptions o = new ImcOptions(JSON.valueToTree(arch).toString(), number(m, "imc_min_planes"),
        number(m, "imc_min_slices"), number(m, "imc_min_adc_bits"));
    if (m.containsKey("imc_bias_images")) {
      o = o.withBias(number(m, "imc_bias_images"), m.get("imc_bias_order") instanceof String s ? s : "");
    }
    return o;
  }

  private static int number(Map<String, Object> m, String key) {
    if (!(m.get(key) instanceof Number n)) {
      throw new IllegalArgumentException("target imc needs the integer " + key);
    }
    return n.intValue();
  }

  private static String compact(String json) {
    try {
      JsonNode n = JSON.readTree(json);
      if (n == null || !n.isObject()) {
        throw new IllegalArgumentException("the IMC architecture must be a JSON object");
      }
      return n.toString();
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the IMC architecture is not JSON: " + e.getOriginalMessage());
    }
  }
}
