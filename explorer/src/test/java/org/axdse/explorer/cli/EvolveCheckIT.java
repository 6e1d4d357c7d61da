package org.axdse.explorer.cli;

import static org.axdse.explorer.cli.InProcess.repo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axdse.explorer.encoding.Restrictions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code axdse evolve-check} end to end on LeNet-5's {@code conv_3}: every checked design's top-1 equals an
 * independent {@code compensate --method both --bias-order exact} run of the same one-layer assignment on the same
 * images; the kept designs follow the rule from the written figures; the restriction lists each layer's built-in
 * designs then its kept designs; and 1 and 2 threads write the same figures.
 */
class EvolveCheckIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String IMAGES = "120";
  @TempDir Path dir;

  private static List<String> common() {
    return List.of("--model", repo("models/lenet5.onnx").toString(), "--data", "fashion-mnist", "--calib", "50",
        "-q");
  }

  private InProcess.Outcome check(Path out, String threads) {
    List<String> a = new ArrayList<>(List.of("evolve-check"));
    a.addAll(common());
    a.addAll(List.of("--library", dir.resolve("lib").toString(), "--limit", IMAGES, "--images", IMAGES,
        "--threads", threads, "--restrict", "conv_3=s8x8_exact_bw,s8x8_trunc8_vc,s8x8_bam_h2v8,s8x8_trunc6",
        "--out", out.toString()));
    return InProcess.axdse(a.toArray(String[]::new));
  }

  @Test
  void theSimulatedFiguresAreThoseOfCompensateAndTheRuleHolds() throws Exception {
    List<String> e = new ArrayList<>(List.of("evolve"));
    e.addAll(common());
    e.addAll(List.of("--layer", "conv_3", "--bounds", "0.001,0.01", "--generations", "60", "--out",
        dir.resolve("lib").toString()));
    InProcess.Outcome evolved = InProcess.axdse(e.toArray(String[]::new));
    assertEquals(0, evolved.code(), evolved.err());
    InProcess.Outcome one = check(dir.resolve("c1"), "1");
    assertEquals(0, one.code(), one.err());
    InProcess.Outcome two = check(dir.resolve("c2"), "2");
    assertEquals(0, two.code(), two.err());
    JsonNode c1 = JSON.readTree(dir.resolve("c1/check.json").toFile());
    JsonNode c2 = JSON.readTree(dir.resolve("c2/check.json").toFile());
    assertEquals(c1.path("layers"), c2.path("layers"), "1 and 2 threads check alike");
    JsonNode layer = c1.path("layers").get(0);
    assertEquals("conv_3", layer.path("layer").asText());
    JsonNode designs = layer.path("designs");
    assertEquals(3, count(designs, "builtin"), "the restriction's approximate designs: " + designs);
    assertTrue(count(designs, "evolved") >= 1, designs.toString());
    List<String> kept = new ArrayList<>();
    for (JsonNode d : designs) {
      String name = d.path("name").asText();
      Path config = dir.resolve(name + ".json");
      Files.writeString(config, "{\"layers\": {\"conv_3\": \"" + name + "\"}}");
      Path report = dir.resolve(name + ".report.json");
      List<String> a = new ArrayList<>(List.of("compensate"));
      a.addAll(common());
      a.addAll(List.of("--library", dir.resolve("lib").toString(), "--limit", IMAGES, "--config",
          config.toString(), "--method", "both", "--bias-order", "exact", "--out", report.toString()));
      InProcess.Outcome c = InProcess.axdse(a.toArray(String[]::new));
      assertEquals(0, c.code(), c.err());
      JsonNode acc = JSON.readTree(report.toFile()).path("accuracy");
      int images = Integer.parseInt(IMAGES);
      assertEquals(Math.round(acc.path("compensated").asDouble() * images), d.path("correct").asLong(), name);
      assertEquals(Math.round(acc.path("exactQuantized").asDouble() * images), d.path("exactCorrect").asLong());
      if (d.path("kind").asText().equals("evolved")) {
        boolean beats = true;
        for (JsonNode b : designs) {
          if (b.path("kind").asText().equals("builtin")
              && b.path("relativePower").asDouble() >= d.path("relativePower").asDouble()
              && !(d.path("simulated").asDouble() < b.path("simulated").asDouble())) {
            beats = false;
          }
        }
        if (beats) {
          kept.add(name);
        }
      }
    }
    List<String> written = new ArrayList<>();
    layer.path("kept").forEach(k -> written.add(k.asText()));
    assertEquals(kept, written);
    Map<String, List<String>> r = Restrictions.parse(List.of(dir.resolve("c1/restrict.json").toString()));
    List<String> expected = new ArrayList<>(List.of("s8x8_exact_bw", "s8x8_trunc8_vc", "s8x8_bam_h2v8",
        "s8x8_trunc6"));
    expected.addAll(kept);
    assertEquals(Map.of("conv_3", expected), r);
  }

  private static int count(JsonNode designs, String kind) {
    int n = 0;
    for (JsonNode d : designs) {
      n += d.path("kind").asText().equals(kind) ? 1 : 0;
    }
    return n;
  }
}
