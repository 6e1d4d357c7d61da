package org.axdse.explorer.search;

import io.jenetics.IntegerGene;
import io.jenetics.Phenotype;
import io.jenetics.ext.moea.Vec;
import io.jenetics.util.ISeq;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.axdse.explorer.backend.CandidateEstimate;
import org.axdse.explorer.backend.CandidateEstimator;
import org.axdse.explorer.backend.SearchProblem;
import org.axdse.explorer.checkpoint.CheckpointFile;
import org.axdse.explorer.checkpoint.SurrogateState;
import org.axdse.explorer.encoding.GenomeCodec;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.results.run.EvaluatedPoint;
import org.axdse.results.run.PredictedPoint;
import org.axdse.results.run.PredictionsCsv;
import org.axdse.results.run.RunDirectory;
import org.axdse.simulator.predict.AccuracyMap;

/**
 * The surrogate of {@code axdse search --surrogate}: the engine's {@link CandidateEstimator} (modelled noise,
 * exact costs) and an {@link AccuracyMap} from noise to screening accuracy, refitted after every generation on
 * all simulated points of the search in id order (so the fit is deterministic and, on resume, rebuilt from the
 * checkpoint's points). Breeds each generation through {@link SurrogateBreeding} and records, for every point
 * simulated on its advice, the accuracy it predicted. It never scores a point: points, archive and front hold
 * simulated figures only.
 */
final class Surrogate {
  static final String FILE = "surrogate.json";

  private final CandidateEstimator estimator;
  private final GenomeCodec codec;
  private final Scorer scorer;
  private final SurrogateBreeding breeding;
  private final Nsga2 nsga2;
  private final Map<GenomeKey, CandidateEstimate> estimates = new HashMap<>();
  private final Map<GenomeKey, Double> pending = new HashMap<>();
  private final List<double[]> fitted = new ArrayList<>();
  private final List<Double> predicted = new ArrayList<>();
  private final List<Integer> estimated = new ArrayList<>();
  private AccuracyMap map;

  Surrogate(CandidateEstimator estimator, GenomeCodec codec, Scorer scorer, Nsga2 nsga2, int population,
      SurrogateOptions options) {
    this.nsga2 = nsga2;
    this.estimator = estimator;
    this.codec = codec;
    this.scorer = scorer;
    this.breeding = new SurrogateBreeding(codec, nsga2, population, options);
  }

  /** Opens the engine's estimator for {@code session} ({@code --surrogate}); a one-line error when it has none. */
  static void attach(SearchSession session, SearchProblem problem, Progress progress) {
    long t0 = System.nanoTime();
    progress.info("surrogate: error model and sensitivities (read from the result cache when measured before)...");
    CandidateEstimator e = problem.estimator();
    if (e == null) {
      throw new BadInputException("--surrogate: this engine cannot predict accuracy; run without --surrogate");
    }
    session.phase("surrogate setup", (System.nanoTime() - t0) / 1e9);
    session.useSurrogate(e);
  }

  static Path file(Path checkpointFile) {
    return checkpointFile.resolveSibling(FILE);
  }

  /**
   * Generation {@code generation}: the survivors of {@code population} and the chosen offspring, these simulated
   * through {@code fitness} (the search's evaluation cache); {@code simulated} tells the search's points.
   */
  ISeq<Phenotype<IntegerGene, Vec<double[]>>> step(ISeq<Phenotype<IntegerGene, Vec<double[]>>> population,
      int generation, long seed, Predicate<int[]> simulated, Function<List<int[]>, List<Vec<double[]>>> fitness,
      Consumer<String> log) {
    SurrogateBreeding.Brood b = breed(population, generation, seed, simulated);
    List<Vec<double[]>> f = fitness.apply(b.offspring());
    List<Phenotype<IntegerGene, Vec<double[]>>> next = new ArrayList<>(b.survivors().asList());
    for (int i = 0; i < f.size(); i++) {
      next.add(nsga2.member(b.offspring().get(i), generation, f.get(i)));
    }
    log.accept(String.format(Locale.ROOT, "surrogate: generation %d bred %d, estimated %d new, simulated the best "
        + "%d; map fitted on %d points", generation, b.bred(), b.estimated(), b.offspring().size(), fitted.size()));
    return ISeq.of(next);
  }

  /** The offspring of generation {@code generation}, chosen on the current fit. */
  SurrogateBreeding.Brood breed(ISeq<Phenotype<IntegerGene, Vec<double[]>>> population, int generation, long seed,
      Predicate<int[]> simulated) {
    pending.clear();
    SurrogateBreeding.Brood b = breeding.breed(population, generation, seed, simulated, genome -> {
      CandidateEstimate e = estimate(genome);
      double accuracy = Math.min(1, Math.max(0, map.apply(e.noise(), e.offsetNoise())));
      pending.put(new GenomeKey(genome), accuracy);
      return scorer.fitness(scorer.point(0, generation, genome, e.withAccuracy(accuracy)));
    });
    while (estimated.size() < generation) {
      estimated.add(0);
    }
    estimated.add(b.estimated());
    return b;
  }

  /** Learns the points a generation added (in id order): their predictions, then a refit on every point. */
  void learn(List<EvaluatedPoint> added) {
    for (EvaluatedPoint p : added) {
      Double guess = pending.get(new GenomeKey(p.genome()));
      predicted.add(guess);
      CandidateEstimate e = estimate(p.genome());
      fitted.add(new double[] {e.noise(), e.offsetNoise(), p.screeningAccuracy()});
    }
    if (estimated.isEmpty()) {
      estimated.add(0);
    }
    refit();
  }

  /** The state of a resumed run: {@code points} are the checkpoint's, {@code saved} the state file's. */
  void restore(List<EvaluatedPoint> points, SurrogateState saved) {
    predicted.addAll(saved.predicted());
    estimated.addAll(saved.estimated());
    for (EvaluatedPoint p : points) {
      CandidateEstimate e = estimate(p.genome());
      fitted.add(new double[] {e.noise(), e.offsetNoise(), p.screeningAccuracy()});
    }
    refit();
  }

  /** The saved state as of a checkpoint of {@code points} points after {@code generation}; one-line errors. */
  static SurrogateState read(Path checkpointFile, int points, int generation) {
    Path file = file(checkpointFile);
    SurrogateState saved = CheckpointFile.read(file, SurrogateState.class);
    try {
      return saved.truncated(points, generation);
    } catch (IllegalArgumentException e) {
      throw BadInputException.in(file, "corrupt surrogate state: " + e.getMessage() + " (the file is left untouched)");
    }
  }

  /** Writes {@code predictions.csv} and, with {@code log}, the run's surrogate figures. */
  void finish(RunDirectory runDir, List<EvaluatedPoint> points, Consumer<String> log) {
    List<PredictedPoint> p = predictions(points);
    PredictionsCsv.write(runDir.path(), p);
    log.accept(String.format(Locale.ROOT, "surrogate: %d new genomes estimated, %d simulated points (%d on the "
        + "surrogate's advice)", estimatedTotal(), points.size(), p.size()));
  }

  void save(Path checkpointFile) {
    CheckpointFile.writeValue(file(checkpointFile), new SurrogateState(predicted, estimated));
  }

  /** Every point the surrogate predicted, with its simulated screening accuracy. */
  List<PredictedPoint> predictions(List<EvaluatedPoint> points) {
    List<PredictedPoint> out = new ArrayList<>();
    for (EvaluatedPoint p : points) {
      Double guess = p.id() < predicted.size() ? predicted.get(p.id()) : null;
      if (guess != null) {
        out.add(new PredictedPoint(p.id(), p.generation(), guess, p.screeningAccuracy()));
      }
    }
    return out;
  }

  /** New genomes estimated over the run (each once), and the number of simulated points the map is fitted on. */
  long estimatedTotal() {
    return estimated.stream().mapToLong(Integer::longValue).sum();
  }

  int fittedPoints() {
    return fitted.size();
  }

  private CandidateEstimate estimate(int[] genome) {
    return estimates.computeIfAbsent(new GenomeKey(genome), k -> estimator.estimate(codec.assignment(genome)));
  }

  private void refit() {
    if (fitted.isEmpty()) {
      return;
    }
    map = AccuracyMap.fit(fitted.stream().mapToDouble(f -> f[0]).toArray(),
        fitted.stream().mapToDouble(f -> f[1]).toArray(), fitted.stream().mapToDouble(f -> f[2]).toArray());
  }
}
