package org.axdse.simulator.compensation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of a {@link Compensation}: {@code {"method": "bias"|"weights"|"both", "biasOrder":
 * "exact-inputs"|"sequential", "layers": [{"index", "name", "multipliers": [...], "biasDelta": [...],
 * "weightRemap": {"MULT": {"CODE": TUNED, ...}}}]}}, only changed codes listed. Reading checks the shape and
 * throws {@link IllegalArgumentException} naming the field.
 */
public final class CompensationJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private CompensationJson() {}

  public static ObjectNode toJson(Compensation c) {
    ObjectNode root = JSON.createObjectNode();
    root.put("method", c.method().label());
    root.put("biasOrder", label(c.biasOrder()));
    ArrayNode ls = root.putArray("layers");
    for (LayerCompensation l : c.layers()) {
      ObjectNode o = ls.addObject();
      o.put("index", l.index());
      o.put("name", l.name());
      ArrayNode m = o.putArray("multipliers");
      l.multipliers().forEach(m::add);
      ArrayNode d = o.putArray("biasDelta");
      for (int v : l.biasDelta()) {
        d.add(v);
      }
      ObjectNode r = o.putObject("weightRemap");
      l.remaps().forEach((name, map) -> {
        ObjectNode codes = r.putObject(name);
        map.forEach((from, to) -> codes.put(Integer.toString(from), to));
      });
    }
    return root;
  }

  public static Compensation fromJson(JsonNode root) {
    CompensationMethod method = CompensationMethod.parse(text(root, "method"));
    if (method == null) {
      throw new IllegalArgumentException("compensation.method: expected bias, weights or both");
    }
    String order = text(root, "biasOrder");
    BiasOrder o = order.equals("sequential") ? BiasOrder.SEQUENTIAL
        : order.equals("exact-inputs") ? BiasOrder.EXACT_INPUTS : null;
    if (o == null) {
      throw new IllegalArgumentException("compensation.biasOrder: expected exact-inputs or sequential");
    }
    JsonNode ls = root.get("layers");
    if (ls == null || !ls.isArray()) {
      throw new IllegalArgumentException("compensation.layers: expected an array");
    }
    List<LayerCompensation> layers = new ArrayList<>();
    for (int i = 0; i < ls.size(); i++) {
      layers.add(layer(ls.get(i), "compensation.layers[" + i + "]"));
    }
    return new Compensation(method, o, layers);
  }

  /** {@code exact-inputs} or {@code sequential}. */
  public static String label(BiasOrder order) {
    return order == BiasOrder.SEQUENTIAL ? "sequential" : "exact-inputs";
  }

  private static LayerCompensation layer(JsonNode o, String where) {
    JsonNode index = o.get("index");
    JsonNode m = o.get("multipliers");
    JsonNode d = o.get("biasDelta");
    JsonNode r = o.get("weightRemap");
    if (index == null || !index.canConvertToInt() || index.asInt() < 0 || m == null || !m.isArray()
        || d == null || !d.isArray() || r == null || !r.isObject()) {
      throw new IllegalArgumentException(where + ": expected index, name, multipliers, biasDelta, weightRemap");
    }
    List<String> names = new ArrayList<>();
    m.forEach(n -> names.add(n.asText()));
    int[] delta = new int[d.size()];
    for (int i = 0; i < delta.length; i++) {
      if (!d.get(i).canConvertToInt()) {
        throw new IllegalArgumentException(where + ".biasDelta[" + i + "]: expected an int32");
      }
      delta[i] = d.get(i).asInt();
    }
    Map<String, Map<Integer, Integer>> remaps = new LinkedHashMap<>();
    r.fields().forEachRemaining(e -> {
      Map<Integer, Integer> codes = new LinkedHashMap<>();
      e.getValue().fields().forEachRemaining(c -> {
        if (!c.getKey().matches("-?\\d{1,3}") || !c.getValue().canConvertToInt()) {
          throw new IllegalArgumentException(where + ".weightRemap." + e.getKey() + ": expected code: code");
        }
        codes.put(Integer.parseInt(c.getKey()), c.getValue().asInt());
      });
      remaps.put(e.getKey(), codes);
    });
    return new LayerCompensation(index.asInt(), text(o, "name"), names, remaps, delta);
  }

  private static String text(JsonNode o, String field) {
    JsonNode v = o.get(field);
    if (v == null || !v.isTextual()) {
      throw new IllegalArgumentException("compensation." + field + ": expected a string");
    }
    return v.asText();
  }
}
