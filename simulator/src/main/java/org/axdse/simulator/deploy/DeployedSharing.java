package org.axdse.simulator.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.share.ShareGranularity;
import org.axdse.simulator.share.SharingPlan;

/**
 * The weight sharing of a deployment picked from a search with {@code --share}, recorded in the {@code
 * quantization} object of {@code deploy.json} as {@code "sharing": {"granularity": "channel", "k": {"LAYER": 16}}}.
 * The sharing is applied after calibration: the recorded quantization parameters are those of the unshared model,
 * and each shared layer's clustered weights are quantized with them at the layer's width ({@code
 * share.variant.SharedQuantizations}), as the search evaluated it. A file without the entry shares nothing (files
 * written before it load as before).
 */
public final class DeployedSharing {
  private DeployedSharing() {}

  /** The plan of the loaded {@code deployment} read from {@code file}, or null; one-line errors name the file. */
  public static SharingPlan of(Deployment deployment, java.nio.file.Path file) {
    try {
      return read(deployment.config().quantization(), deployment.model());
    } catch (IllegalArgumentException e) {
      throw org.axdse.multipliers.util.BadInputException.in(file, e.getMessage());
    }
  }

  /** {@code quantization} with {@code plan} recorded (unchanged for an empty plan). */
  public static ObjectNode record(ObjectNode quantization, SharingPlan plan) {
    if (plan == null || plan.isEmpty()) {
      return quantization;
    }
    ObjectNode s = quantization.putObject("sharing");
    s.put("granularity", plan.granularity().label());
    ObjectNode k = s.putObject("k");
    plan.k().forEach(k::put);
    return quantization;
  }

  /**
   * The plan recorded in {@code quantization} for {@code model}, or null when there is none; throws {@link
   * IllegalArgumentException} naming the field, the layer and the value when it is malformed.
   */
  public static SharingPlan read(JsonNode quantization, Model model) {
    JsonNode s = quantization.get("sharing");
    if (s == null || s.isNull()) {
      return null;
    }
    ShareGranularity g = s.get("granularity") == null ? null : ShareGranularity.parse(s.get("granularity").asText());
    if (g == null) {
      throw new IllegalArgumentException("quantization.sharing.granularity: expected layer, channel or kernel");
    }
    JsonNode ks = s.get("k");
    if (ks == null || !ks.isObject()) {
      throw new IllegalArgumentException("quantization.sharing.k: expected an object of layer names to k");
    }
    Map<String, Integer> k = new LinkedHashMap<>();
    for (var it = ks.fields(); it.hasNext(); ) {
      var e = it.next();
      if (!e.getValue().canConvertToExactIntegral() || e.getValue().asInt() < 1) {
        throw new IllegalArgumentException("quantization.sharing.k: layer '" + e.getKey() + "': " + e.getValue()
            + " is not an integer >= 1");
      }
      k.put(e.getKey(), e.getValue().asInt());
    }
    try {
      return SharingPlan.resolve(model, g, k, "quantization.sharing");
    } catch (org.axdse.multipliers.util.BadInputException e) {
      throw new IllegalArgumentException(e.getMessage());
    }
  }
}
