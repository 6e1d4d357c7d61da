package org.axdse.explorer.cli;

import static org.axdse.explorer.cli.InProcess.repo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code axdse evolve} killed with SIGKILL in the middle of a run (after its first checkpoint, before its end) and
 * resumed with {@code --resume} writes the same circuit, byte for byte, as an uninterrupted run of the same seed.
 */
class EvolveKillResumeIT {
  private static final String GENERATIONS = "12000";

  @TempDir Path dir;

  private static List<String> args(Path out, String... extra) {
    List<String> a = new ArrayList<>(List.of("evolve", "--model", repo("models/lenet5.onnx").toString(), "--data",
        "fashion-mnist", "--calib", "50", "--layer", "fc_11", "--bounds", "0.01", "--seed", "5", "--threads", "1",
        "--generations", GENERATIONS, "-q", "--out", out.toString()));
    a.addAll(List.of(extra));
    return a;
  }

  @Test
  void aKilledEvolutionResumesToTheSameCircuit() throws Exception {
    Path killed = dir.resolve("killed");
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    cmd.addAll(args(killed, "--checkpoint-every", "1"));
    Path log = dir.resolve("child.log");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long reached = 0;
    try {
      long deadline = System.currentTimeMillis() + 60_000;
      while (reached == 0 && p.isAlive() && System.currentTimeMillis() < deadline) {
        Thread.sleep(20);
        reached = checkpointGeneration(killed);
      }
      assertTrue(p.isAlive(), "the child must still be running when it is killed: " + Files.readString(log));
    } finally {
      p.destroyForcibly();
      p.waitFor(30, TimeUnit.SECONDS);
    }
    assertTrue(reached > 0 && reached < Long.parseLong(GENERATIONS), "killed mid-run, at generation " + reached);
    assertFalse(Files.exists(killed.resolve("evolve.json")), "killed before the library was written");

    InProcess.Outcome resumed = InProcess.axdse(args(killed, "--resume").toArray(String[]::new));
    assertEquals(0, resumed.code(), resumed.err());
    Path straight = dir.resolve("straight");
    assertEquals(0, InProcess.axdse(args(straight).toArray(String[]::new)).code());

    JsonNode layers = new ObjectMapper().readTree(straight.resolve("evolve.json").toFile()).path("layers");
    assertEquals(layers, new ObjectMapper().readTree(killed.resolve("evolve.json").toFile()).path("layers"));
    assertTrue(layers.get(0).path("evolved").size() >= 1, "an approximate design was evolved: " + layers);
    for (JsonNode d : layers.get(0).path("evolved")) {
      String v = d.path("name").asText() + ".v";
      assertArrayEquals(Files.readAllBytes(straight.resolve(v)), Files.readAllBytes(killed.resolve(v)), v);
    }
  }

  /** The generation of the first checkpoint in {@code out}, or 0 while there is none. */
  private static long checkpointGeneration(Path out) throws Exception {
    Path cp = out.resolve(".evolve");
    if (!Files.isDirectory(cp)) {
      return 0;
    }
    try (Stream<Path> s = Files.list(cp)) {
      for (Path f : s.filter(x -> x.toString().endsWith(".json")).toList()) {
        try {
          return new ObjectMapper().readTree(f.toFile()).path("generation").asLong();
        } catch (java.io.IOException e) {
          return 0; // written atomically, so only a race with the listing; look again
        }
      }
    }
    return 0;
  }
}
