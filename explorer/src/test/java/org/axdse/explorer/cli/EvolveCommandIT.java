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
import org.axdse.multipliers.Multiplier;
import org.axdse.multipliers.io.MultiplierFiles;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.multipliers.table.OperandDistribution;
import org.axdse.multipliers.table.ProductTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code axdse evolve} end to end on LeNet-5's {@code fc_9}: the library it writes loads beside the built-in
 * designs, each design's table file and recorded error agree with its circuit and the recorded distribution
 * (recomputed here by brute force), an evolution stopped and resumed with {@code --resume} writes the same
 * circuits as an uninterrupted one (on another thread count), and {@code multipliers export} and {@code evaluate}
 * take the evolved designs like any other.
 */
class EvolveCommandIT {
  @TempDir Path dir;

  private static String[] evolve(Path out, String... extra) {
    List<String> a = new ArrayList<>(List.of("evolve", "--model", repo("models/lenet5.onnx").toString(), "--data",
        "fashion-mnist", "--calib", "50", "--layer", "fc_9", "--bounds", "0.01,0.05", "--seed", "3", "-q",
        "--out", out.toString()));
    a.addAll(List.of(extra));
    return a.toArray(String[]::new);
  }

  @Test
  void evolvesWritesALibraryAndResumesExactly() throws Exception {
    Path a = dir.resolve("a");
    InProcess.Outcome o = InProcess.axdse(evolve(a, "--generations", "150", "--threads", "2"));
    assertEquals(0, o.code(), o.err());
    JsonNode manifest = new ObjectMapper().readTree(a.resolve("evolve.json").toFile());
    JsonNode evolved = manifest.path("layers").get(0).path("evolved");
    assertTrue(evolved.size() >= 1, "at least one approximate design: " + manifest);
    MultiplierCatalog catalog = MultiplierCatalog.withDirectories(List.of(a));
    JsonNode dist = new ObjectMapper().readTree(a.resolve("distributions/fc_9.json").toFile());
    for (JsonNode e : evolved) {
      String name = e.path("name").asText();
      Multiplier m = catalog.byName(name);
      assertFalse(m.table().isExact(), name);
      ProductTable csv = MultiplierFiles.read(a.resolve("tables").resolve(name + ".csv"), m.format()).table();
      assertArrayEquals(m.table().toArray(), csv.toArray(), name + ": table file = circuit");
      OperandDistribution d = OperandDistribution.independent(m.format(), doubles(dist.path("activationCounts")),
          doubles(dist.path("weightCounts")));
      double mse = 0;
      double signal = 0;
      for (int i = 0; i < m.table().size(); i++) {
        double x = m.table().exactAtIndex(i);
        double err = m.table().atIndex(i) - x;
        mse += d.probabilityAt(i) * err * err;
        signal += d.probabilityAt(i) * x * x;
      }
      double recorded = new ObjectMapper().readTree(a.resolve("metrics").resolve(name + ".json").toFile())
          .path("error").asDouble();
      assertEquals(mse / signal, recorded, 1e-9 * (1 + recorded), name);
      assertTrue(recorded <= e.path("bound").asDouble(), name + " within its bound");
    }

    Path b = dir.resolve("b");
    assertEquals(0, InProcess.axdse(evolve(b, "--generations", "60", "--threads", "1")).code());
    InProcess.Outcome resumed = InProcess.axdse(evolve(b, "--generations", "150", "--threads", "1", "--resume"));
    assertEquals(0, resumed.code(), resumed.err());
    for (JsonNode e : evolved) {
      String v = e.path("name").asText() + ".v";
      assertArrayEquals(Files.readAllBytes(a.resolve(v)), Files.readAllBytes(b.resolve(v)), v);
    }
    assertEquals(manifest.path("layers"), new ObjectMapper().readTree(b.resolve("evolve.json").toFile())
        .path("layers"));

    String name = evolved.get(0).path("name").asText();
    Path exported = dir.resolve("exported.v");
    assertEquals(0, InProcess.axdse("multipliers", "export", name, "--library", a.toString(), "--out",
        exported.toString()).code());
    assertArrayEquals(catalog.byName(name).table().toArray(),
        MultiplierFiles.read(exported).table().toArray(), "exported Verilog reads back to the same table");
    InProcess.Outcome eval = InProcess.axdse("evaluate", "--model", repo("models/lenet5.onnx").toString(), "--data",
        "fashion-mnist", "--calib", "50", "--limit", "50", "--library", a.toString(), "--uniform", name, "-q",
        "--no-float", "--no-layer-stats");
    assertEquals(0, eval.code(), eval.err());
  }

  @Test
  void aTaggedEvolutionNamesItsDesignsApartSoOneSearchCanUseBoth() throws Exception {
    Path plain = dir.resolve("plain");
    Path tagged = dir.resolve("tagged");
    assertEquals(0, InProcess.axdse(evolve(plain, "--generations", "20", "--threads", "1")).code());
    InProcess.Outcome o = InProcess.axdse(evolve(tagged, "--generations", "20", "--threads", "1", "--tag", "run2"));
    assertEquals(0, o.code(), o.err());
    JsonNode manifest = new ObjectMapper().readTree(tagged.resolve("evolve.json").toFile());
    assertEquals("run2", manifest.path("settings").path("tag").asText());
    List<String> plainNames = evolvedNames(plain);
    List<String> taggedNames = evolvedNames(tagged);
    assertFalse(taggedNames.isEmpty());
    assertEquals(plainNames.size(), taggedNames.size());
    MultiplierCatalog both = MultiplierCatalog.withDirectories(List.of(plain, tagged));
    for (String n : taggedNames) {
      assertTrue(n.startsWith("s8x8_cgp_lenet5_run2_A"), n);
      assertTrue(plainNames.contains(n.replace("_run2_", "_")), n + " is the tagged name of a plain design");
      assertArrayEquals(both.byName(n.replace("_run2_", "_")).table().toArray(), both.byName(n).table().toArray(),
          n + ": same seed, same circuit");
    }
  }

  @Test
  void bestStartsFromALibrarysCircuitsSoAnEvolutionCanContinueAnother() throws Exception {
    Path first = dir.resolve("first");
    assertEquals(0, InProcess.axdse(evolve(first, "--generations", "100", "--threads", "1")).code());
    Path next = dir.resolve("next");
    InProcess.Outcome o = InProcess.axdse(evolve(next, "--generations", "20", "--threads", "1", "--tag", "next",
        "--library", first.toString()));
    assertEquals(0, o.code(), o.err());
    List<String> earlier = evolvedNames(first);
    JsonNode layer = new ObjectMapper().readTree(next.resolve("evolve.json").toFile()).path("layers").get(0);
    boolean fromEarlier = false;
    for (JsonNode e : layer.path("evolved")) {
      String from = e.path("from").asText();
      fromEarlier |= earlier.contains(from);
      assertTrue(earlier.contains(from) || from.startsWith("s8x8_") && !from.contains("_cgp_"), from);
    }
    assertTrue(fromEarlier, "a run starts from a circuit of --library: " + layer);
  }

  private static List<String> evolvedNames(Path library) throws Exception {
    List<String> names = new ArrayList<>();
    for (JsonNode layer : new ObjectMapper().readTree(library.resolve("evolve.json").toFile()).path("layers")) {
      layer.path("evolved").forEach(e -> names.add(e.path("name").asText()));
    }
    return names;
  }

  private static double[] doubles(JsonNode array) {
    double[] out = new double[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asDouble();
    }
    return out;
  }
}
