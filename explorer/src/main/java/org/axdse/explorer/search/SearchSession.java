package org.axdse.explorer.search;

import io.jenetics.IntegerGene;
import io.jenetics.Phenotype;
import io.jenetics.engine.EvolutionStart;
import io.jenetics.ext.moea.Vec;
import io.jenetics.util.ISeq;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axdse.explorer.backend.CandidateEstimator;
import org.axdse.explorer.backend.CandidateResult;
import org.axdse.explorer.backend.Fidelity;
import org.axdse.explorer.checkpoint.Checkpoint;
import org.axdse.explorer.checkpoint.CheckpointFile;
import org.axdse.explorer.encoding.GenomeCodec;
import org.axdse.results.pareto.ParetoArchive;
import org.axdse.results.run.Baseline;
import org.axdse.results.run.EvaluatedPoint;
import org.axdse.results.run.GenerationRecord;
import org.axdse.results.run.Normalization;
import org.axdse.results.run.Run;
import org.axdse.results.run.RunConfig;
import org.axdse.results.run.RunDirectory;
import org.axdse.results.run.Timings;

/**
 * The state of one search run and its phases: the initial population (generation 0: the seeds, then random
 * chromosomes), NSGA-II generations until the budget is spent (a checkpoint after each), then the baselines and
 * the final-fidelity re-evaluation, and the run directory. Points are numbered in the order the search first
 * evaluates them (population order within a generation), so ids do not depend on evaluation order.
 */
final class SearchSession {
  private final SearchSettings settings;
  private final GenomeCodec codec;
  private final EvaluationCache cache;
  private final Scorer scorer;
  private final RunConfig config;
  private final Normalization normalization;
  private final RunDirectory runDir;
  private final Path checkpointFile;
  private final Progress progress;
  private final double referenceAccuracy;
  private final Nsga2 nsga2;

  private final List<EvaluatedPoint> points = new ArrayList<>();
  private final List<Checkpoint.PointRef> refs = new ArrayList<>();
  private final Map<GenomeKey, Integer> pointOf = new HashMap<>();
  private final ParetoArchive<EvaluatedPoint> archive;
  private final List<GenerationRecord> history = new ArrayList<>();
  private ISeq<Phenotype<IntegerGene, Vec<double[]>>> population;
  private int generation;
  private double searchSeconds;
  private final Map<String, Double> phases = new LinkedHashMap<>();
  private Surrogate surrogate;

  SearchSession(SearchSettings settings, GenomeCodec codec, EvaluationCache cache, Scorer scorer, RunConfig config,
      RunDirectory runDir, Path checkpointFile, Progress progress, double referenceAccuracy) {
    this.settings = settings;
    this.codec = codec;
    this.cache = cache;
    this.scorer = scorer;
    this.config = config;
    this.normalization = Normalization.standard(config);
    this.runDir = runDir;
    this.checkpointFile = checkpointFile;
    this.progress = progress;
    this.referenceAccuracy = referenceAccuracy;
    this.archive = ParetoArchive.of(scorer::minimization);
    this.nsga2 = new Nsga2(codec, settings.population(), this::fitness);
  }

  /** Breeds every following generation through the surrogate of {@code estimator} ({@code --surrogate}). */
  void useSurrogate(CandidateEstimator estimator) {
    surrogate = new Surrogate(estimator, codec, scorer, nsga2, settings.population(), settings.surrogate());
  }

  void phase(String name, double seconds) {
    phases.merge(name, seconds, Double::sum);
  }

  /**
   * Generation 0: seeds (all-exact, then {@code allocations} not already among them, then every uniform
   * assignment), then random chromosomes.
   */
  void initial(List<int[]> allocations) {
    long t0 = System.nanoTime();
    List<int[]> seeds = new ArrayList<>();
    seeds.add(codec.allExact());
    for (int[] a : allocations) {
      if (seeds.stream().noneMatch(x -> Arrays.equals(x, a))) {
        seeds.add(a);
      }
    }
    for (String m : codec.space().usedMultipliers()) {
      seeds.add(codec.uniform(m));
    }
    List<int[]> raw = nsga2.initialPopulation(seeds, settings.seed());
    List<Vec<double[]>> f = fitness(raw);
    List<Phenotype<IntegerGene, Vec<double[]>>> pop = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      pop.add(nsga2.member(raw.get(i), 0, f.get(i)));
    }
    commit(ISeq.of(pop), 0, t0);
  }

  void restore(Checkpoint cp) {
    for (Checkpoint.PointRef ref : cp.points()) {
      var r = cache.record(ref.record());
      if (r.fidelity() != Fidelity.SCREENING || !codec.isCanonical(r.genome())) {
        throw new IllegalArgumentException("point " + points.size() + " refers to an evaluation that is not a "
            + "screening evaluation of this search space");
      }
      addPoint(r.genome(), ref.generation(), r.result());
    }
    for (int id : cp.archive()) {
      archive.add(points.get(id));
    }
    if (surrogate != null) {
      surrogate.restore(points, Surrogate.read(checkpointFile, points.size(), cp.generation()));
    }
    history.addAll(cp.history());
    List<int[]> raw = cp.population().stream().map(Checkpoint.Member::genome).toList();
    List<Vec<double[]>> f = fitness(raw);
    List<Phenotype<IntegerGene, Vec<double[]>>> pop = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      pop.add(nsga2.member(raw.get(i), cp.population().get(i).born(), f.get(i)));
    }
    population = ISeq.of(pop);
    generation = cp.generation();
    searchSeconds = cp.searchSeconds();
  }

  int generation() {
    return generation;
  }

  double searchSeconds() {
    return searchSeconds;
  }

  /** One NSGA-II generation, then its points, archive, history and checkpoint. */
  void step() {
    long t0 = System.nanoTime();
    ISeq<Phenotype<IntegerGene, Vec<double[]>>> next = surrogate != null
        ? surrogate.step(population, generation + 1, settings.seed(), g -> pointOf.containsKey(new GenomeKey(g)),
            this::fitness, progress::info)
        : nsga2.step(EvolutionStart.of(population, generation + 1), settings.seed()).population();
    commit(next, generation + 1, t0);
  }

  private void commit(ISeq<Phenotype<IntegerGene, Vec<double[]>>> pop, int gen, long t0) {
    int before = points.size();
    for (Phenotype<IntegerGene, Vec<double[]>> p : pop) {
      int[] g = codec.canonical(Nsga2.raw(p.genotype()));
      if (!pointOf.containsKey(new GenomeKey(g))) {
        CandidateResult r = cache.record(cache.recordIndex(Fidelity.SCREENING, g)).result();
        EvaluatedPoint point = addPoint(g, gen, r);
        if (scorer.feasible(point) && !r.stopped()) {
          archive.add(point);
        }
      }
    }
    if (surrogate != null) {
      surrogate.learn(points.subList(before, points.size()));
    }
    population = pop;
    generation = gen;
    searchSeconds += (System.nanoTime() - t0) / 1e9;
    double hv = normalization.hypervolume(archive.elements());
    history.add(new GenerationRecord(gen, points.size(), hv, searchSeconds));
    checkpoint(false);
    Budget b = settings.budget();
    double perGeneration = searchSeconds / (gen + 1);
    double eta = Double.POSITIVE_INFINITY;
    if (b.generations() > 0) {
      eta = Math.max(0, b.generations() - gen) * perGeneration;
    }
    if (b.time() != null) {
      eta = Math.min(eta, Math.max(0, b.time().toMillis() / 1000.0 - searchSeconds));
    }
    progress.generation(gen, b.generations(), points.size(), points.size() / Math.max(1e-9, searchSeconds),
        cache.hits(), hv, eta);
  }

  private EvaluatedPoint addPoint(int[] genome, int gen, CandidateResult screening) {
    EvaluatedPoint p = scorer.point(points.size(), gen, genome, screening);
    pointOf.put(new GenomeKey(genome), p.id());
    refs.add(new Checkpoint.PointRef(cache.recordIndex(Fidelity.SCREENING, genome), gen));
    points.add(p);
    return p;
  }

  private List<Vec<double[]>> fitness(List<int[]> raw) {
    List<int[]> genomes = raw.stream().map(codec::canonical).toList();
    List<CandidateResult> results = cache.evaluate(genomes, Fidelity.SCREENING, codec::assignment,
        new ArchiveBar(scorer, archive.elements()));
    List<Vec<double[]>> out = new ArrayList<>(raw.size());
    for (int i = 0; i < raw.size(); i++) {
      out.add(scorer.fitness(scorer.point(0, 0, genomes.get(i), results.get(i))));
    }
    return out;
  }

  void checkpoint(boolean complete) {
    cache.sync();
    List<Checkpoint.Member> members = new ArrayList<>();
    for (Phenotype<IntegerGene, Vec<double[]>> p : population) {
      members.add(new Checkpoint.Member(Nsga2.raw(p.genotype()), p.generation()));
    }
    List<Integer> archiveIds = archive.elements().stream().map(EvaluatedPoint::id).toList();
    if (surrogate != null) {
      surrogate.save(checkpointFile);
    }
    CheckpointFile.write(checkpointFile, new Checkpoint(settings.toMap(), complete, generation, members, refs,
        archiveIds, history, cache.size(), searchSeconds));
  }

  /**
   * Baselines, final-fidelity re-evaluation of the archive and of the {@code --final-extra} points nearest it
   * ({@link FinalCandidates}; the front is the non-dominated set of all of them at final fidelity) and of the
   * all-exact point, when the search evaluated it, so that accuracy drops can be measured at final fidelity; then
   * the run directory and the completed checkpoint.
   */
  void finish() {
    long t0 = System.nanoTime();
    int[] nextId = {points.size()};
    Baselines make = new Baselines(codec, cache, scorer, () -> nextId[0]++, settings.population());
    int budget = points.size();
    List<Baseline> baselines = new ArrayList<>();
    for (String name : settings.baselines()) {
      progress.info("baseline " + name + "...");
      List<EvaluatedPoint> pts = switch (name) {
        case "uniform" -> make.uniform();
        case "random" -> make.random(budget, settings.seed());
        default -> make.greedy(budget, referenceAccuracy, settings.maxAccuracyDrop());
      };
      baselines.add(finalBaseline(name, pts, name.equals("uniform")));
      cache.sync();
    }
    long t1 = System.nanoTime();
    phase("baselines", (t1 - t0) / 1e9);
    List<EvaluatedPoint> extra = FinalCandidates.select(points, archive.elements(), scorer, settings.finalExtra());
    progress.info("final evaluation of " + archive.size() + " archive points"
        + (extra.isEmpty() ? "" : " and " + extra.size() + " points nearest them") + "...");
    List<EvaluatedPoint> chosen = new ArrayList<>(archive.elements());
    chosen.addAll(extra);
    Map<Integer, EvaluatedPoint> finals = new HashMap<>();
    for (EvaluatedPoint p : withFinal(byId(chosen))) {
      finals.put(p.id(), p);
    }
    List<EvaluatedPoint> front = byId(Run.nonDominated(config, List.copyOf(finals.values())));
    points.stream().filter(this::allExact).findFirst().filter(p -> !finals.containsKey(p.id()))
        .ifPresent(p -> finals.put(p.id(), withFinal(List.of(p)).get(0)));
    List<EvaluatedPoint> all = points.stream().map(p -> finals.getOrDefault(p.id(), p)).toList();
    phase("final", (System.nanoTime() - t1) / 1e9);
    phase("search", searchSeconds);
    runDir.writePoints(all);
    runDir.writeFront(front);
    runDir.writeHistory(history);
    runDir.writeBaselines(baselines);
    runDir.writeTimings(timings());
    if (surrogate != null) {
      surrogate.finish(runDir, points, progress::info);
    }
    checkpoint(true);
    progress.info(String.format(java.util.Locale.ROOT, "done: %d generations, %d points, front of %d, HV %.6f",
        generation, points.size(), front.size(), normalization.hypervolume(front)));
  }

  /** The run directory as of the last completed generation (screening accuracies only). */
  void writePartial() {
    phase("search", searchSeconds);
    runDir.writePoints(points);
    runDir.writeFront(sortedArchive());
    runDir.writeHistory(history);
    runDir.writeTimings(timings());
    if (surrogate != null) {
      surrogate.finish(runDir, points, message -> {});
    }
  }

  private Timings timings() {
    return new Timings(phases.values().stream().mapToDouble(Double::doubleValue).sum(), phases);
  }

  private Baseline finalBaseline(String name, List<EvaluatedPoint> pts, boolean keepAll) {
    List<EvaluatedPoint> kept = keepAll ? pts
        : byId(Run.nonDominated(config, pts.stream().filter(scorer::feasible).toList()));
    List<EvaluatedPoint> evaluated = withFinal(kept);
    return new Baseline(name, evaluated, normalization.hypervolume(evaluated));
  }

  private List<EvaluatedPoint> withFinal(List<EvaluatedPoint> pts) {
    List<CandidateResult> r = cache.evaluate(pts.stream().map(EvaluatedPoint::genome).toList(), Fidelity.FINAL,
        codec::assignment);
    List<EvaluatedPoint> out = new ArrayList<>();
    for (int i = 0; i < pts.size(); i++) {
      out.add(pts.get(i).withFinalAccuracy(r.get(i).accuracy()));
    }
    return out;
  }

  /** The all-exact point: the reference of accuracy drops, so it gets a final accuracy too. */
  private boolean allExact(EvaluatedPoint p) {
    String exact = config.exactMultiplier();
    return p.layerMultipliers().stream().allMatch(exact::equals)
        && p.channelMultipliers().stream().flatMap(List::stream).allMatch(exact::equals);
  }

  private List<EvaluatedPoint> sortedArchive() {
    return byId(archive.elements());
  }

  private static List<EvaluatedPoint> byId(List<EvaluatedPoint> pts) {
    return pts.stream().sorted(Comparator.comparingInt(EvaluatedPoint::id)).toList();
  }
}
