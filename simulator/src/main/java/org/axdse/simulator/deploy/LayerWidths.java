package org.axdse.simulator.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.assign.LayerAssignment;
import org.axdse.simulator.engine.WidthSet;

/**
 * The weight widths of a mixed-precision deployment, recorded in the {@code quantization} object of {@code
 * deploy.json}: {@code config.weightWidths} (the widths the run allowed; the model is calibrated at the widest,
 * {@code config.weightBits}) and {@code layerWidths} (each layer's width, or its list of channel widths, which
 * follow from the assignment's multipliers). A file without them is an ordinary single-width deployment (files
 * written before mixed precision load as before).
 */
public final class LayerWidths {
  private LayerWidths() {}

  /** {@code quantization} with the widths of {@code assignment} recorded (unchanged for a single width). */
  public static ObjectNode record(ObjectNode quantization, WidthSet widths, Assignment assignment,
      MultiplierCatalog catalog) {
    if (widths == null || widths.single()) {
      return quantization;
    }
    ArrayNode allowed = ((ObjectNode) quantization.get("config")).putArray("weightWidths");
    widths.widths().forEach(allowed::add);
    ObjectNode layers = quantization.putObject("layerWidths");
    assignment.layers().forEach((layer, a) -> {
      switch (a) {
        case LayerAssignment.Uniform u -> layers.put(layer, width(u.multiplier(), widths, catalog));
        case LayerAssignment.PerChannel p -> {
          ArrayNode ch = layers.putArray(layer);
          p.multipliers().forEach(m -> ch.add(width(m, widths, catalog)));
        }
      }
    });
    return quantization;
  }

  private static int width(String multiplier, WidthSet widths, MultiplierCatalog catalog) {
    return multiplier.equals("exact") ? widths.max() : catalog.byName(multiplier).format().weightBits();
  }

  /**
   * The widths recorded in {@code quantization}, or null when there are none (a single-width deployment); throws
   * {@link IllegalArgumentException} naming the field when they are malformed.
   */
  public static WidthSet read(JsonNode quantization) {
    JsonNode c = quantization.get("config");
    JsonNode w = c == null ? null : c.get("weightWidths");
    if (w == null || w.isNull()) {
      return null;
    }
    if (!w.isArray() || w.isEmpty()) {
      throw new IllegalArgumentException("quantization.config.weightWidths: expected a list of widths 2..8");
    }
    List<Integer> out = new ArrayList<>();
    for (JsonNode n : w) {
      if (!n.canConvertToExactIntegral() || n.asInt() < 2 || n.asInt() > 8) {
        throw new IllegalArgumentException("quantization.config.weightWidths: " + n + " is not a width 2..8");
      }
      out.add(n.asInt());
    }
    WidthSet set = new WidthSet(out);
    JsonNode bits = c.get("weightBits");
    if (bits == null || bits.asInt() != set.max()) {
      throw new IllegalArgumentException("quantization.config.weightWidths: the widest, " + set.max()
          + ", must equal weightBits " + bits);
    }
    return set;
  }
}
