package org.axdse.simulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.axdse.simulator.model.TestData;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code axdse bench predict} end to end on the bundled LeNet-5 with 6 points on 40 images: every point is
 * reported, half of them compensated, and the held-back figures are fractions and counts that fit.
 */
class PredictBenchCommandTest {
  @Test
  void jsonReportsEveryPointAndTheHeldBackFigures() throws Exception {
    StringWriter out = new StringWriter();
    CommandLine cl = new CommandLine(new PredictBenchCommand());
    cl.setOut(new PrintWriter(out));
    int code = cl.execute("--model", TestData.repoFile("models/lenet5.onnx").toString(), "--data", "fashion-mnist",
        "--limit", "40", "--calib", "40", "--points", "6", "--sensitivity-images", "16", "--threads", "2",
        "--format", "json", "-q");
    assertEquals(0, code);
    JsonNode root = new ObjectMapper().readTree(out.toString());
    JsonNode points = root.get("assignments");
    assertEquals(6, points.size());
    int compensated = 0;
    int standing = 0;
    for (JsonNode p : points) {
      compensated += p.get("compensation").asText().equals("both") ? 1 : 0;
      double top1 = p.get("simulatedTop1").asDouble();
      standing += top1 >= 0.2 ? 1 : 0; // ten classes: twice chance
      assertTrue(top1 >= 0 && top1 <= 1 && p.get("noise").asDouble() >= 0, p.toString());
    }
    assertEquals(3, compensated);
    assertEquals(6, root.get("heldBack").get("points").asInt());
    assertEquals(3, root.get("heldBackCompensated").get("points").asInt());
    assertEquals(0.2, root.get("heldBackAboveCollapse").get("floor").asDouble(), 1e-12);
    assertEquals(standing, root.get("heldBackAboveCollapse").get("points").asInt());
    double mae = root.get("heldBack").get("meanAbsoluteErrorPoints").asDouble();
    assertTrue(mae >= 0 && mae <= 100, "MAE in points: " + mae);
    assertTrue(root.get("predictCpuMillisCached").asDouble() >= 0);
  }
}
