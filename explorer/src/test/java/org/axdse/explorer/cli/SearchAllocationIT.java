package org.axdse.explorer.cli;

import static org.axdse.explorer.cli.InProcess.repo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axdse.multipliers.util.JsonFiles;
import org.axdse.results.run.EvaluatedPoint;
import org.axdse.results.run.RunDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code search --init allocation} on LeNet-5 with the real simulator. Only {@code fc_9} may be approximate, so
 * every genome of generation 0 (all-exact, the allocations, uniform assignments) is a one-layer assignment
 * that the search screens like any candidate: its screening top-1 and energy must equal what the one-layer
 * measurement recorded for the same design, which shows the measurements ran on the search's screening images
 * with the search's compensation. About 10 s.
 */
class SearchAllocationIT {
  private static final List<String> FC9 = List.of("s8x8_exact_bw", "s8x8_trunc6", "s8x8_trunc8", "s8x8_bam_h2v8",
      "s8x8_trunc10", "s8x8_perf_r0r1", "s8x8_ama5_c8");
  @TempDir Path dir;

  @Test
  void generationZeroScreensTheMeasuredDesignsAlike() {
    Path out = dir.resolve("run");
    String exactOnly = "s8x8_exact_bw";
    InProcess.Outcome o = InProcess.axdse("search", "--model", repo("models/lenet5.onnx").toString(), "--data",
        "fashion-mnist", "--calib", "50", "--eval-images", "150", "--final-images", "200",
        "--population", "8", "--generations", "1", "--baselines", "none", "--compensate", "both", "--seed", "3",
        "--threads", "2", "--init", "allocation", "-q", "--out", out.toString(),
        "--restrict", "conv_0=" + exactOnly, "--restrict", "conv_3=" + exactOnly, "--restrict", "fc_7=" + exactOnly,
        "--restrict", "fc_9=" + String.join(",", FC9), "--restrict", "fc_11=" + exactOnly);
    assertEquals(0, o.code(), o.err());

    JsonNode doc = JsonFiles.readTree(out.resolve("allocation.json"));
    Map<String, JsonNode> measured = new HashMap<>();
    doc.path("measured").forEach(m -> measured.put(m.path("design").asText(), m));
    assertEquals(FC9.size() - 1, measured.size(), "every approximate design of fc_9, once");
    doc.path("measured").forEach(m -> assertEquals("fc_9", m.path("layer").asText()));
    assertTrue(measured.values().stream().anyMatch(m -> m.path("logitChange").asDouble() > 0));

    int checked = 0;
    for (EvaluatedPoint p : RunDirectory.of(out).readPoints()) {
      if (p.generation() != 0 || p.layerMultipliers().get(3).equals(exactOnly)) {
        continue;
      }
      JsonNode m = measured.get(p.layerMultipliers().get(3));
      assertEquals(m.path("top1").asDouble(), p.screeningAccuracy(), 1e-12, p.layerMultipliers().toString());
      assertEquals(m.path("multiplierEnergy").asDouble(), p.multiplierEnergy(), 1e-12);
      checked++;
    }
    assertTrue(checked >= 4, "generation 0 screened the seeds and uniform genomes: " + checked);
    for (JsonNode s : doc.path("seeds")) {
      assertTrue(s.path("layers").path("conv_0").asText().equals(exactOnly));
    }
  }
}
