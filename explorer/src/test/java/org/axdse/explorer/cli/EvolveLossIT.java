package org.axdse.explorer.cli;

import static org.axdse.explorer.cli.InProcess.repo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code axdse evolve --measure loss} end to end on LeNet-5's {@code conv_3}: the designs it writes are within
 * their loss bounds and no worse than the built-in design each run started from, the manifest records the
 * compensation the loss models, and a run on 2 threads writes the same circuits as one on 1 thread stopped and
 * resumed.
 */
class EvolveLossIT {
  @TempDir Path dir;

  private static String[] evolve(Path out, String... extra) {
    List<String> a = new ArrayList<>(List.of("evolve", "--model", repo("models/lenet5.onnx").toString(), "--data",
        "fashion-mnist", "--calib", "50", "--sensitivity-images", "32", "--layer", "conv_3", "--measure", "loss",
        "--bounds", "2,8", "--seed", "5", "-q", "--out", out.toString()));
    a.addAll(List.of(extra));
    return a.toArray(String[]::new);
  }

  @Test
  void evolvesUnderThePredictedLossReproducibly() throws Exception {
    Path a = dir.resolve("a");
    InProcess.Outcome o = InProcess.axdse(evolve(a, "--generations", "120", "--threads", "2"));
    assertEquals(0, o.code(), o.err());
    JsonNode manifest = new ObjectMapper().readTree(a.resolve("evolve.json").toFile());
    assertEquals("loss", manifest.path("settings").path("measure").asText());
    assertEquals("both", manifest.path("settings").path("compensation").asText());
    JsonNode layer = manifest.path("layers").get(0);
    JsonNode evolved = layer.path("evolved");
    assertTrue(evolved.size() >= 1, "at least one approximate design: " + manifest);
    for (JsonNode e : evolved) {
      String name = e.path("name").asText();
      assertTrue(name.contains("_loss"), name);
      double error = e.path("error").asDouble();
      assertTrue(error <= e.path("bound").asDouble(), name + " within its bound");
      for (JsonNode b : layer.path("builtin")) {
        if (b.path("name").asText().equals(e.path("from").asText())) {
          assertTrue(e.path("relativePower").asDouble() <= b.path("relativePower").asDouble() * 1.02,
              name + " costs no more than " + b + " it started from");
        }
      }
    }
    Path b = dir.resolve("b");
    assertEquals(0, InProcess.axdse(evolve(b, "--generations", "50", "--threads", "1")).code());
    InProcess.Outcome resumed = InProcess.axdse(evolve(b, "--generations", "120", "--threads", "1", "--resume"));
    assertEquals(0, resumed.code(), resumed.err());
    for (JsonNode e : evolved) {
      String v = e.path("name").asText() + ".v";
      assertArrayEquals(Files.readAllBytes(a.resolve(v)), Files.readAllBytes(b.resolve(v)), v);
    }
  }
}
