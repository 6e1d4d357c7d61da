package org.axdse.simulator.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.axdse.simulator.model.ApproximableLayer;
import org.axdse.simulator.model.Layer;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.Preprocessing;

/** {@code axdse model show --format json}: the same figures as the table, as one JSON object. */
final class ModelJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ModelJson() {}

  static String of(Path file, Model model, Optional<Preprocessing> pre) {
    ObjectNode root = JSON.createObjectNode();
    root.put("model", model.name());
    root.put("file", file.toString());
    root.put("input", model.input().shape().toString());
    root.put("output", model.output().shape().toString());
    if (pre.isPresent()) {
      try {
        root.set("preprocessing", JSON.readTree(pre.get().toJson()));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    } else {
      root.putNull("preprocessing");
    }
    List<ApproximableLayer> approx = model.approximableLayers();
    ArrayNode layers = root.putArray("layers");
    for (Layer l : model.layers()) {
      ObjectNode n = layers.addObject();
      n.put("name", l.name());
      n.put("kind", l.kind().toString());
      int index = approx.indexOf(l);
      if (index >= 0) {
        n.put("approximableIndex", index);
      } else {
        n.putNull("approximableIndex");
      }
      n.put("output", l.output().shape().toString());
      n.put("parameters", l.parameterCount());
      n.put("macsPerSample", l.macsPerSample());
    }
    root.put("parameters", model.parameterCount());
    root.put("macsPerSample", model.macsPerSample());
    ArrayNode a = root.putArray("approximableLayers");
    for (int i = 0; i < approx.size(); i++) {
      a.addObject().put("index", i).put("name", approx.get(i).name()).put("macsPerSample",
          approx.get(i).macsPerSample());
    }
    return root.toPrettyString();
  }
}
