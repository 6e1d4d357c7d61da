package org.axdse.explorer.simulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.axdse.explorer.backend.CandidateEstimate;
import org.axdse.explorer.backend.CandidateEstimator;
import org.axdse.explorer.backend.CandidateResult;
import org.axdse.explorer.backend.Fidelity;
import org.axdse.explorer.backend.QuantOptions;
import org.axdse.explorer.backend.SearchProblem;
import org.axdse.explorer.backend.StopSignal;
import org.axdse.explorer.encoding.GenomeCodec;
import org.axdse.explorer.encoding.Granularity;
import org.axdse.explorer.search.Progress;
import org.axdse.explorer.search.SearchRunner;
import org.axdse.explorer.search.SearchSettings;
import org.axdse.explorer.search.SurrogateOptions;
import org.axdse.results.run.PredictedPoint;
import org.axdse.results.run.PredictionsCsv;
import org.axdse.results.run.RunDirectory;
import org.axdse.simulator.assign.Assignment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The surrogate on the real engine: the bundled LeNet-5 on bundled Fashion-MNIST images. */
class SurrogateLenetIT {
  @TempDir Path tmp;

  private static SearchSettings settings(int threads, Granularity g, String compensate) {
    Path root = LenetSearchIT.root();
    return SearchSettings.builder().setModel(root.resolve("models/lenet5.onnx").toString())
        .setData("fashion-mnist:" + root.resolve("data/fashion-mnist-test-2000")).setGenerations(2)
        .optPopulation(8).optSeed(7).optScreeningImages(200).optFinalImages(300).optThreads(threads)
        .optGranularity(g).optBaselines(List.of()).optSurrogate(new SurrogateOptions(4))
        .optQuantization(new QuantOptions(100, QuantOptions.HOLDOUT, 8, false, "").withCompensate(compensate)).build();
  }

  /** The surrogate ranks on exact costs: an estimate costs what the simulation of the assignment reports. */
  @Test
  void estimatesCostExactlyWhatSimulationsReport() {
    SearchSettings s = settings(2, Granularity.kernel(), "both");
    try (SearchProblem problem = new SimulatorProblems().open(s.problemRequest())) {
      List<String> three = problem.space().usedMultipliers().subList(0, 3);
      Map<String, List<String>> restrict = new LinkedHashMap<>();
      problem.space().layerNames().forEach(l -> restrict.put(l, three));
      GenomeCodec codec = GenomeCodec.of(problem.space().restrict(restrict, "--restrict"), Granularity.kernel());
      CandidateEstimator estimator = problem.estimator();
      assertEquals(0.0, estimator.estimate(Assignment.allExact()).noise(), "no error, no noise");
      SplittableRandom r = new SplittableRandom(3);
      for (int i = 0; i < 3; i++) {
        int[] genome = new int[codec.length()];
        for (int k = 0; k < genome.length; k++) {
          genome[k] = r.nextInt(codec.range());
        }
        Assignment a = codec.assignment(codec.canonical(genome));
        CandidateEstimate e = estimator.estimate(a);
        CandidateResult sim = problem.evaluator().evaluate(a, Fidelity.SCREENING);
        assertEquals(sim.multiplierEnergy(), e.multiplierEnergy(), "draw " + i);
        assertEquals(sim.systemEnergy(), e.systemEnergy(), "draw " + i);
        assertEquals(sim.weightMemory(), e.weightMemory(), "draw " + i);
        assertEquals(e, estimator.estimate(a), "pure: the same assignment, the same estimate");
        assertTrue(e.noise() + e.offsetNoise() > 0, "per-channel approximate assignments have modelled noise");
      }
    }
  }

  @Test
  void surrogateSearchIsTheSameForOneAndTwoThreads() throws Exception {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    for (Path dir : List.of(a, b)) {
      assertEquals(SearchRunner.Outcome.COMPLETE, new SearchRunner(new SimulatorProblems(), Progress.silent())
          .start(settings(dir == a ? 1 : 2, Granularity.layer(), QuantOptions.NO_COMPENSATION), dir,
              new StopSignal()));
    }
    for (String f : List.of("points.json", "front.json", PredictionsCsv.FILE)) {
      assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
    }
    List<PredictedPoint> p = PredictionsCsv.read(a);
    assertFalse(p.isEmpty());
    var points = RunDirectory.of(a).read().points();
    for (PredictedPoint x : p) {
      assertEquals(points.get(x.id()).screeningAccuracy(), x.simulated(), "simulated figure of point " + x.id());
    }
  }
}
