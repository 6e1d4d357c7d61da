package org.axdse.simulator.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import org.axdse.simulator.share.SharedModel;
import org.axdse.simulator.share.SharingMemory;

/** The weight-sharing figures of {@code axdse share} and {@code axdse evaluate --share}: table lines and JSON. */
final class SharingReport {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SharingReport() {}

  /** The sharing figures as a JSON object. */
  static ObjectNode json(SharedModel s, int weightBits, boolean perChannel) {
    SharingMemory.Memory m = SharingMemory.of(s.model(), s.plan(), weightBits, perChannel);
    ObjectNode root = JSON.createObjectNode();
    root.put("granularity", s.plan().granularity().label());
    root.put("weightBits", weightBits);
    root.put("weights", m.weights());
    root.put("bits", m.bits());
    root.put("bitsPerWeight", m.bitsPerWeight());
    root.put("memoryRelativeToInt8", m.relativeToInt8());
    root.put("reductionVsInt8", m.reductionVsInt8());
    root.put("reductionVsFloat32", m.reductionVsFloat32());
    root.put("inertiaProxy", s.proxy());
    ArrayNode layers = root.putArray("layers");
    for (SharedModel.LayerSharing l : s.layers()) {
      layers.addObject().put("name", l.name()).put("k", l.k()).put("groups", l.groups())
          .put("weights", l.weights()).put("inertia", l.inertia()).put("relativeInertia", l.relativeInertia());
    }
    return root;
  }

  /** {@code evaluationJson} (one JSON object) with a {@code "sharing"} member added. */
  static String withSharing(String evaluationJson, SharedModel s, int weightBits, boolean perChannel) {
    try {
      ObjectNode root = (ObjectNode) JSON.readTree(evaluationJson);
      root.set("sharing", json(s, weightBits, perChannel));
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One summary line: granularity, memory against 8-bit and float32 weights, the inertia proxy. */
  static void summary(PrintWriter out, SharedModel s, int weightBits, boolean perChannel) {
    SharingMemory.Memory m = SharingMemory.of(s.model(), s.plan(), weightBits, perChannel);
    out.printf(Locale.ROOT, "weight sharing (%s, %d of %d layers shared): %.3f bits per weight with codebooks of "
            + "%d-bit entries, %.2fx less than 8-bit weights, %.2fx less than float32; inertia proxy %.5f%n",
        s.plan().granularity().label(), s.layers().size(), s.model().approximableLayers().size(),
        m.bitsPerWeight(), weightBits, m.reductionVsInt8(), m.reductionVsFloat32(), s.proxy());
    out.flush();
  }

  /** A per-layer table (k, groups, weights, inertia, relative inertia, bits per weight) and the summary. */
  static void table(PrintWriter out, SharedModel s, int weightBits, boolean perChannel) {
    int w = Math.max(5, s.layers().stream().mapToInt(l -> l.name().length()).max().orElse(5));
    out.printf(Locale.ROOT, "%-" + w + "s %5s %7s %9s %12s %9s %9s%n", "layer", "k", "groups", "weights",
        "inertia", "rel.inert", "bits/w");
    for (SharedModel.LayerSharing l : s.layers()) {
      var layer = s.model().approximableLayers().get(s.model().approximableIndex(l.name()));
      double bits = (double) SharingMemory.layerBits(layer, s.plan().granularity(), l.k(), weightBits, perChannel)
          / l.weights();
      out.printf(Locale.ROOT, "%-" + w + "s %5d %7d %9d %12.6g %9.5f %9.3f%n", l.name(), l.k(), l.groups(),
          l.weights(), l.inertia(), l.relativeInertia(), bits);
    }
    summary(out, s, weightBits, perChannel);
  }
}
