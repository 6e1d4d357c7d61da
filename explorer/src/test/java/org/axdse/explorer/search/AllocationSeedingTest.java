package org.axdse.explorer.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.axdse.explorer.backend.CandidateEstimator;
import org.axdse.explorer.backend.CandidateEvaluator;
import org.axdse.explorer.backend.CandidateResult;
import org.axdse.explorer.backend.Fidelity;
import org.axdse.explorer.backend.LayerLoss;
import org.axdse.explorer.backend.LayerLossMeter;
import org.axdse.explorer.backend.ProblemFactory;
import org.axdse.explorer.backend.SearchProblem;
import org.axdse.explorer.backend.StopSignal;
import org.axdse.explorer.encoding.SearchSpace;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.multipliers.util.JsonFiles;
import org.axdse.results.run.EvaluatedPoint;
import org.axdse.results.run.RunDirectory;
import org.axdse.simulator.assign.Assignment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code search --init allocation} on the synthetic problem, given a meter whose one-layer loss is the accuracy the
 * layer alone costs at final fidelity.
 */
class AllocationSeedingTest {
  @TempDir Path tmp;

  static SearchSettings settings(long seed, int generations, int threads) {
    return SearchSettings.builder().setModel("synthetic:layers=8,channels=4").setData("synthetic-data")
        .setGenerations(generations).optSeed(seed).optPopulation(16).optThreads(threads)
        .optScreeningImages(100).optInit(Seeding.ALLOCATION).build();
  }

  /** {@code f}'s problems with a one-layer meter; {@code measured} counts its measurements. */
  static ProblemFactory withMeter(ProblemFactory f, Map<String, Integer> measured) {
    return request -> {
      SearchProblem p = f.open(request);
      CandidateEvaluator quiet = new SyntheticProblem().open(request).evaluator(); // not counted by f's hooks
      return withMeter(p, (layer, design) -> {
        measured.merge(layer + "=" + design, 1, Integer::sum);
        CandidateResult r = quiet.evaluate(Assignment.uniform(List.of(layer), design), Fidelity.FINAL);
        CandidateResult exact = quiet.evaluate(Assignment.allExact(), Fidelity.FINAL);
        return new LayerLoss(layer, design, Math.max(0, exact.accuracy() - r.accuracy()), r.accuracy(),
            r.multiplierEnergy(), r.systemEnergy());
      });
    };
  }

  /** {@code p} with {@code meter} as its one-layer meter. */
  static SearchProblem withMeter(SearchProblem p, LayerLossMeter meter) {
    return new SearchProblem() {
      @Override
      public SearchSpace space() {
        return p.space();
      }

      @Override
      public CandidateEvaluator evaluator() {
        return p.evaluator();
      }

      @Override
      public CandidateEstimator estimator() {
        return p.estimator();
      }

      @Override
      public LayerLossMeter layerLosses() {
        return meter;
      }
    };
  }

  private static SearchRunner.Outcome start(ProblemFactory f, SearchSettings s, Path dir, StopSignal stop) {
    return SearchRunnerTest.runner(f).start(s, dir, stop);
  }

  @Test
  void seedsAreLagrangianOptimalAndStartTheSearch() throws IOException {
    Map<String, Integer> measured = new HashMap<>();
    Path dir = tmp.resolve("a");
    start(withMeter(new SyntheticProblem(), measured), settings(7, 4, 2), dir, new StopSignal());
    assertEquals(8 * 6, measured.size(), "every approximate design of every layer, the exact one not");
    assertTrue(measured.values().stream().allMatch(n -> n == 1), "each once");

    JsonNode doc = JsonFiles.readTree(dir.resolve(AllocationSeeds.FILE));
    assertEquals(AllocationSeeds.FORMAT, doc.path("format").asText());
    Map<String, double[]> figures = new HashMap<>(); // layer=design -> {saving, loss}
    for (JsonNode m : doc.path("measured")) {
      figures.put(m.path("layer").asText() + "=" + m.path("design").asText(),
          new double[] {1 - m.path("multiplierEnergy").asDouble(), m.path("logitChange").asDouble()});
    }
    assertEquals(measured.keySet(), figures.keySet());
    List<EvaluatedPoint> generation0 = RunDirectory.of(dir).readPoints().stream()
        .filter(p -> p.generation() == 0).toList();
    Set<List<String>> starts = generation0.stream().map(EvaluatedPoint::layerMultipliers).collect(Collectors.toSet());
    int seeds = 0;
    for (JsonNode s : doc.path("seeds")) {
      List<String> layers = new java.util.ArrayList<>();
      s.path("layers").forEach(n -> layers.add(n.asText()));
      assertTrue(starts.contains(layers), "seed " + layers + " is in generation 0");
      assertTrue(lagrangianOptimal(s.path("layers"), figures), "seed " + layers + " minimises the Lagrangian");
      seeds++;
    }
    assertTrue(seeds >= 4 && seeds <= 8, "at most half the population: " + seeds);
    assertTrue(doc.path("seeds").get(seeds - 1).path("summedSaving").asDouble()
        > doc.path("seeds").get(1).path("summedSaving").asDouble());
  }

  /**
   * Independent of {@link Allocation}: true when some lambda >= 0 makes every layer's choice one of largest
   * {@code saving - lambda * loss} among its designs (the exact one: 0, 0).
   */
  private static boolean lagrangianOptimal(JsonNode layers, Map<String, double[]> figures) {
    double lo = 0;
    double hi = Double.POSITIVE_INFINITY;
    for (var it = layers.fields(); it.hasNext(); ) {
      var e = it.next();
      double[] c = e.getValue().asText().equals("exact") ? new double[2] : figures.get(e.getKey() + "="
          + e.getValue().asText());
      for (Map.Entry<String, double[]> f : figures.entrySet()) {
        if (!f.getKey().startsWith(e.getKey() + "=")) {
          continue;
        }
        for (double[] o : List.of(f.getValue(), new double[2])) {
          double dl = o[1] - c[1];
          double ds = o[0] - c[0];
          if (dl > 1e-15) {
            lo = Math.max(lo, ds / dl);
          } else if (dl < -1e-15) {
            hi = Math.min(hi, ds / dl);
          } else if (ds > 1e-12) {
            return false;
          }
        }
      }
    }
    return lo <= hi * (1 + 1e-9) + 1e-12;
  }

  @Test
  void theRunIsReproducibleResumableAndDiffersFromAUniformStart() throws IOException {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    start(withMeter(new SyntheticProblem(), new HashMap<>()), settings(3, 8, 1), a, new StopSignal());
    start(withMeter(new SyntheticProblem(), new HashMap<>()), settings(3, 8, 3), b, new StopSignal());
    for (String f : List.of("points.json", "front.json")) {
      assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
    }
    JsonNode da = JsonFiles.readTree(a.resolve(AllocationSeeds.FILE));
    JsonNode db = JsonFiles.readTree(b.resolve(AllocationSeeds.FILE));
    ((com.fasterxml.jackson.databind.node.ObjectNode) da).remove("seconds");
    ((com.fasterxml.jackson.databind.node.ObjectNode) db).remove("seconds");
    assertEquals(da, db, "the same measurements and seeds, apart from the time taken");
    assertEquals("allocation", RunDirectory.of(a).readConfig().settings().get("init"));

    Path stopped = tmp.resolve("stopped");
    StopSignal stop = new StopSignal();
    assertEquals(SearchRunner.Outcome.INTERRUPTED,
        start(withMeter(SearchRunnerTest.stoppingAt(60, stop), new HashMap<>()), settings(3, 8, 2), stopped, stop));
    Map<String, Integer> again = new HashMap<>();
    assertEquals(SearchRunner.Outcome.COMPLETE, SearchRunnerTest.runner(withMeter(new SyntheticProblem(), again))
        .resume(stopped, null, null, new StopSignal()));
    assertTrue(again.isEmpty(), "a resumed run does not measure again");
    for (String f : List.of("points.json", "front.json")) {
      assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(stopped.resolve(f)), f);
    }

    Path plain = tmp.resolve("plain");
    start(new SyntheticProblem(), SearchRunnerTest.settings(3, 8, 1), plain, new StopSignal());
    assertFalse(RunDirectory.of(plain).readConfig().settings().containsKey("init"), "plain settings read as before");
    assertFalse(Files.exists(plain.resolve(AllocationSeeds.FILE)));
    assertFalse(java.util.Arrays.equals(Files.readAllBytes(a.resolve("points.json")),
        Files.readAllBytes(plain.resolve("points.json"))), "the seeds change the search");
  }

  @Test
  void aStopDuringTheMeasurementsInterruptsBeforeGenerationZero() throws IOException {
    Path dir = tmp.resolve("early");
    StopSignal stop = new StopSignal();
    Map<String, Integer> measured = new HashMap<>();
    ProblemFactory stopping = request -> {
      SearchProblem p = withMeter(new SyntheticProblem(), measured).open(request);
      LayerLossMeter m = p.layerLosses();
      return withMeter(p, (layer, design) -> {
        if (measured.size() == 5) {
          stop.requestStop();
        }
        return m.measure(layer, design);
      });
    };
    assertEquals(SearchRunner.Outcome.INTERRUPTED, start(stopping, settings(3, 8, 1), dir, stop));
    assertTrue(measured.size() < 10, "the measurements stop at the request: " + measured.size());
    assertFalse(Files.exists(dir.resolve(AllocationSeeds.FILE)));
    assertEquals(SearchRunner.Outcome.COMPLETE, SearchRunnerTest.runner(withMeter(new SyntheticProblem(),
        new HashMap<>())).resume(dir, null, null, new StopSignal()));
    Path whole = tmp.resolve("whole");
    start(withMeter(new SyntheticProblem(), new HashMap<>()), settings(3, 8, 1), whole, new StopSignal());
    assertArrayEquals(Files.readAllBytes(whole.resolve("points.json")), Files.readAllBytes(dir.resolve("points.json")));
  }

  @Test
  void anEngineWithoutAMeterIsAOneLineErrorAndLeavesNoRun() {
    Path dir = tmp.resolve("none");
    BadInputException e = assertThrows(BadInputException.class,
        () -> start(new SyntheticProblem(), settings(1, 2, 1), dir, new StopSignal()));
    assertTrue(e.getMessage().startsWith("--init allocation:") && !e.getMessage().contains("\n"), e.getMessage());
    assertFalse(Files.exists(dir));
  }

  @Test
  void theFlagIsParsedStrictly() {
    assertEquals(Seeding.ALLOCATION, Seeding.parse(" Allocation "));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Seeding.parse("greedy"));
    assertTrue(e.getMessage().contains("uniform or allocation"), e.getMessage());
    SearchSettings s = settings(1, 2, 1);
    assertEquals(s, SearchSettings.fromMap(s.toMap()));
  }
}
