package org.axdse.explorer.pick;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * {@code axdse pick --format json}: one JSON document on stdout with the chosen point as measured from the run
 * ({@code pick}), the files written, and the content of {@code deploy.json} ({@code deploy}).
 */
final class PickJson {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private PickJson() {}

  static void print(PrintWriter out, DeployWriter.Result r) {
    Pick p = r.pick();
    ObjectNode root = MAPPER.createObjectNode();
    root.put("file", r.file().toString());
    root.put("snippet", r.file().resolveSibling(ToolExport.SNIPPET).toString());
    ObjectNode pick = root.putObject("pick");
    pick.put("point", p.point().id());
    pick.put("constraint", p.constraint().kind().key());
    pick.put("limit", p.constraint().limit());
    pick.put("accuracy", p.accuracy());
    pick.put("fidelity", p.fidelity());
    if (Double.isNaN(p.referenceAccuracy())) {
      pick.putNull("drop_points");
    } else {
      pick.put("drop_points", p.drop());
    }
    pick.put("energy_metric", p.energyMetric().key());
    pick.put("energy", p.energy());
    try {
      root.set("deploy", MAPPER.readTree(r.file().toFile()));
      out.println(MAPPER.writeValueAsString(root));
    } catch (IOException e) {
      throw new UncheckedIOException(r.file() + ": " + e.getMessage(), e);
    }
    out.flush();
  }
}
