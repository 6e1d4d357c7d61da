package org.axdse.explorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.axdse.results.run.RunDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code search --calib-method}, as {@code evaluate} takes it: stored in the run's settings, refused on
 * {@code --resume}, and {@code pick} quantizes (and verifies) with the run's method, so its {@code deploy.json}
 * records it and its activation parameters differ from a percentile run's.
 */
class CalibMethodSearchIT {
  @TempDir Path tmp;

  private Path search(String name, String... more) {
    Path out = tmp.resolve(name);
    InProcess.Outcome o = InProcess.axdse(InProcess.bundledSearch(MixedWidthRoundTripIT.LENET, out, "--calib", "50",
        "--generations", "1", "--population", "4", "--eval-images", "60", "--final-images", "100"), more);
    assertEquals(0, o.code(), o.err());
    return out;
  }

  private static JsonNode deployedQuantization(Path run) throws Exception {
    InProcess.Outcome p = InProcess.axdse("pick", run.toString(), "--max-energy", "1", "--verify", "--limit", "100",
        "-q");
    assertEquals(0, p.code(), p.err());
    return new ObjectMapper().readTree(run.resolve("deploy.json").toFile()).get("quantization");
  }

  private static List<Double> screening(Path run) throws Exception {
    List<Double> out = new ArrayList<>();
    new ObjectMapper().readTree(run.resolve("points.json").toFile()).get("points")
        .forEach(p -> out.add(p.get("screening_accuracy").asDouble()));
    return out;
  }

  @Test
  void theMethodIsASettingOfTheRunThatPickFollows() throws Exception {
    Path minmax = search("minmax", "--calib-method", "minmax");
    assertEquals("minmax", RunDirectory.of(minmax).readConfig().settings().get("calib_method"));
    InProcess.oneLine(InProcess.axdse("search", "--resume", minmax.toString(), "--calib-method", "mse"),
        "--calib-method cannot be changed");
    Path percentile = search("percentile");
    assertEquals(null, RunDirectory.of(percentile).readConfig().settings().get("calib_method"),
        "the default is not written, so runs from before the flag read the same");

    assertNotEquals(screening(minmax), screening(percentile),
        "the search quantizes by the method: with the same seed, the same genomes screen otherwise");

    JsonNode a = deployedQuantization(minmax);
    JsonNode b = deployedQuantization(percentile);
    assertEquals("minmax", a.get("config").get("activationMethod").asText());
    assertEquals("percentile", b.get("config").get("activationMethod").asText());
    assertNotEquals(a.get("tensors"), b.get("tensors"), "the activation parameters follow the method");
  }
}
