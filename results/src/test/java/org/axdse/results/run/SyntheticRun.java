package org.axdse.results.run;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** A small made-up run with the shape of a real one, for tests of files, plots and the report. */
public final class SyntheticRun {
  private SyntheticRun() {}

  public static final List<MultiplierInfo> LIBRARY = List.of(
      new MultiplierInfo("exact", 1.0, 1.0),
      new MultiplierInfo("trunc2", 0.85, 0.8),
      new MultiplierInfo("drum6", 0.7, 0.75),
      new MultiplierInfo("mitchell", 0.5, 0.4),
      new MultiplierInfo("broken4", 0.35, 0.3));

  public static RunConfig config(long seed) {
    return new RunConfig(seed, "resnet8", "cifar10",
        List.of(Objective.of(Metric.SCREENING_ACCURACY), Objective.of(Metric.MULTIPLIER_ENERGY),
            Objective.of(Metric.TYPES)),
        "exact", LIBRARY, List.of("conv1", "conv2", "conv3", "conv4", "conv5", "fc"),
        Map.of("population", 20, "generations", 8, "note", "a \"quoted\", comma"));
  }

  /** A point for a genome of library indices, with accuracy falling as cheaper multipliers are used. */
  public static EvaluatedPoint point(int id, int generation, int[] genome, Random noise) {
    List<String> names = new ArrayList<>();
    Set<Integer> distinct = new HashSet<>();
    double energy = 0;
    double loss = 0;
    for (int i = 0; i < genome.length; i++) {
      MultiplierInfo m = LIBRARY.get(genome[i]);
      names.add(m.name());
      distinct.add(genome[i]);
      energy += m.relativePower() / genome.length;
      loss += 0.04 * Math.pow(1 - m.relativePower(), 2) * (i == 0 ? 3 : 1);
    }
    double acc = Math.max(0, 0.92 - loss - 0.005 * noise.nextDouble());
    return EvaluatedPoint.ofLayers(id, generation, genome, names, acc, Double.NaN, energy,
        0.4 + 0.6 * energy, energy * 0.9, distinct.size());
  }

  public static Run run(long seed) {
    Random rnd = new Random(seed);
    RunConfig config = config(seed);
    int layers = config.layers().size();
    List<EvaluatedPoint> points = new ArrayList<>();
    List<GenerationRecord> history = new ArrayList<>();
    Normalization norm = Normalization.standard(config);
    int id = 0;
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int gen = 0; gen < 8; gen++) {
      for (int k = 0; k < 20; k++) {
        int[] genome = new int[layers];
        do {
          for (int i = 0; i < layers; i++) {
            genome[i] = rnd.nextInt(LIBRARY.size());
          }
        } while (!seen.add(java.util.Arrays.toString(genome)));
        points.add(point(id++, gen, genome, rnd));
      }
      history.add(new GenerationRecord(gen, points.size(), norm.hypervolume(points), 1.5 * (gen + 1)));
    }
    List<EvaluatedPoint> front = new ArrayList<>();
    for (EvaluatedPoint p : Run.nonDominated(config, points)) {
      front.add(p.withFinalAccuracy(Math.max(0, p.screeningAccuracy() - 0.003)));
    }
    List<EvaluatedPoint> uniform = new ArrayList<>();
    for (int m = 0; m < LIBRARY.size(); m++) {
      int[] genome = new int[layers];
      java.util.Arrays.fill(genome, m);
      uniform.add(point(10_000 + m, 0, genome, rnd));
    }
    List<EvaluatedPoint> random = points.subList(0, 20);
    List<Baseline> baselines = List.of(
        new Baseline("uniform", uniform, norm.hypervolume(uniform)),
        new Baseline("random", random, norm.hypervolume(random)));
    Timings timings = new Timings(12.5, Map.of("calibration", 0.5, "search", 12.0));
    return new Run(config, points, front, history, baselines, timings);
  }
}
