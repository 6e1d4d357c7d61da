package org.axdse.explorer.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.axdse.explorer.backend.CandidateResult;
import org.axdse.explorer.backend.EvaluationBackend;
import org.axdse.explorer.backend.Fidelity;
import org.axdse.explorer.backend.LayerLossMeter;
import org.axdse.explorer.backend.ProblemFactory;
import org.axdse.explorer.backend.SearchProblem;
import org.axdse.explorer.backend.StopSignal;
import org.axdse.explorer.backend.StoppedException;
import org.axdse.explorer.checkpoint.Checkpoint;
import org.axdse.explorer.checkpoint.CheckpointFile;
import org.axdse.explorer.checkpoint.EvaluationLog;
import org.axdse.explorer.checkpoint.EvaluationRecord;
import org.axdse.explorer.encoding.GenomeCodec;
import org.axdse.explorer.encoding.SearchSpace;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.multipliers.util.Bounds;
import org.axdse.multipliers.util.OutputPaths;
import org.axdse.multipliers.util.RunLock;
import org.axdse.results.run.Metric;
import org.axdse.results.run.RunConfig;
import org.axdse.results.run.RunDirectory;
import org.axdse.simulator.assign.Assignment;

/**
 * Runs a search into a run directory, from scratch or from its checkpoint. The engine comes from a {@link
 * ProblemFactory}; evaluation runs on the {@link EvaluationBackend} of a {@link BackendFactory} (by default
 * local threads). Layout of
 * the run directory: the files of {@link RunDirectory}, plus {@code search.log} and {@code
 * checkpoint/{checkpoint.json, evaluations.log}}.
 */
public final class SearchRunner {
  /** How a run ended. */
  public enum Outcome {
    /** The budget was spent and the run directory holds the final results. */
    COMPLETE,
    /** A stop was requested; the checkpoint holds the last completed generation. */
    INTERRUPTED
  }

  private final ProblemFactory factory;
  private final Progress progress;
  private final BackendFactory backends;

  public SearchRunner(ProblemFactory factory, Progress progress) {
    this(factory, progress, BackendFactory.local());
  }

  /** A runner that evaluates candidates on the backend {@code backends} opens (local threads, a cluster). */
  public SearchRunner(ProblemFactory factory, Progress progress, BackendFactory backends) {
    this.factory = factory;
    this.progress = progress;
    this.backends = backends;
  }

  public static Path checkpointFile(Path runDir) {
    return runDir.resolve("checkpoint").resolve("checkpoint.json");
  }

  public static Path evaluationLog(Path runDir) {
    return runDir.resolve("checkpoint").resolve("evaluations.log");
  }

  /** True when {@code dir} holds a run (its settings, or a checkpoint). */
  public static boolean holdsRun(Path dir) {
    return Files.exists(checkpointFile(dir)) || Files.exists(dir.resolve(RunDirectory.CONFIG));
  }

  /**
   * Starts a new run in {@code runDir}, which must be new or empty. The directory is locked for the whole run
   * ({@link RunLock}); a run that fails before it wrote anything leaves no directory behind.
   */
  public Outcome start(SearchSettings settings, Path runDir, StopSignal stop) {
    if (holdsRun(runDir)) {
      throw BadInputException.in(runDir, Files.exists(checkpointFile(runDir))
          ? "already holds a run; continue it with --resume or choose another --out"
          : "holds a run stopped before its first checkpoint; continue it with --resume or choose another --out");
    }
    OutputPaths.checkRunDirectory(runDir, SearchRunner::holdsRun);
    try (RunLock lock = RunLock.acquire(runDir)) {
      if (holdsRun(runDir)) {
        throw BadInputException.in(runDir, "another command started a run here; choose another --out");
      }
      Outcome outcome = run(settings, runDir, null, stop);
      lock.commit();
      return outcome;
    }
  }

  /**
   * Continues the run in {@code runDir} from its checkpoint (or, for a run stopped before its first checkpoint,
   * from the evaluations its log holds), with its own settings except the budget and thread count when given
   * (null: keep). A complete run continues only with a larger budget. Everything is checked before anything in
   * the directory is written, so a refused resume leaves every file as it was.
   */
  public Outcome resume(Path runDir, Budget budget, Integer threads, StopSignal stop) {
    if (!Files.isDirectory(runDir)) {
      throw BadInputException.in(runDir, "no such run directory");
    }
    try (RunLock lock = RunLock.acquire(runDir)) {
      Path file = checkpointFile(runDir);
      if (!Files.exists(file) && Files.exists(runDir.resolve(RunDirectory.CONFIG))) {
        Outcome outcome = resumeBeforeFirstCheckpoint(runDir, budget, threads, stop);
        lock.commit();
        return outcome;
      }
      Checkpoint cp = CheckpointFile.read(file);
      SearchSettings saved;
      try {
        saved = SearchSettings.fromMap(cp.settings());
      } catch (RuntimeException e) {
        throw BadInputException.in(file, "corrupt checkpoint: settings: " + e.getMessage());
      }
      SearchSettings settings = saved.withBudget(budget == null ? saved.budget() : budget,
          threads == null ? saved.threads() : threads);
      boolean exhausted = settings.budget().exhausted(cp.generation(), cp.searchSeconds());
      if (exhausted && (budget != null || cp.complete())) {
        throw BadInputException.in(file, String.format(Locale.ROOT,
            "budget already exhausted: %d generations and %s of search done%s", cp.generation(),
            Progress.clock(cp.searchSeconds()), cp.complete()
                ? "; the run is complete (give a larger --generations or --budget to continue it)" : ""));
      }
      Outcome outcome = run(settings, runDir, cp, stop);
      lock.commit();
      return outcome;
    }
  }

  /** Generation 0 again, from the settings in run.json, with every evaluation the log kept reused. */
  private Outcome resumeBeforeFirstCheckpoint(Path runDir, Budget budget, Integer threads, StopSignal stop) {
    Path config = runDir.resolve(RunDirectory.CONFIG);
    SearchSettings saved;
    try {
      saved = SearchSettings.fromMap(RunDirectory.of(runDir).readConfig().settings());
    } catch (BadInputException e) {
      throw e;
    } catch (RuntimeException e) {
      throw BadInputException.in(config, "run.settings: " + e.getMessage());
    }
    SearchSettings settings = saved.withBudget(budget == null ? saved.budget() : budget,
        threads == null ? saved.threads() : threads);
    progress.info("no checkpoint yet: generation 0 again, reusing the evaluations of " + evaluationLog(runDir));
    return run(settings, runDir, null, stop);
  }

  private Outcome run(SearchSettings settings, Path dir, Checkpoint cp, StopSignal stop) {
    boolean fresh = cp == null && !Files.exists(evaluationLog(dir))
        && !Files.exists(dir.resolve(RunDirectory.CONFIG));
    boolean[] searching = {false};
    try {
      return run(settings, dir, cp, stop, searching);
    } catch (BadInputException e) {
      if (fresh && !searching[0]) {
        RunFiles.removeNewRun(dir);
      }
      throw e;
    }
  }

  /**
   * The run itself; {@code searching[0]} becomes true once the settings are checked and the first generation
   * starts, so bad input found before that (such as {@code --energy system} on a problem without a system energy
   * model, known only from the reference evaluation) removes what a new run had written.
   */
  private Outcome run(SearchSettings settings, Path dir, Checkpoint cp, StopSignal stop, boolean[] searching) {
    long t0 = System.nanoTime();
    RunDirectory runDir = RunDirectory.of(dir);
    try (SearchProblem problem = factory.open(settings.problemRequest());
        EvaluationBackend backend = backends.open(problem, settings, progress::info)) {
      SearchSpace space = problem.space().restrict(settings.restrictions(), "--restrict");
      space.requireApproximation(settings.library() == null ? "the built-in library" : settings.library(),
          "the multipliers of its quantisation scheme '" + settings.quant() + "'");
      GenomeCodec codec = GenomeCodec.of(space, settings.granularity());
      if (settings.objectives().metrics().contains(Metric.AREA)) {
        for (String m : space.usedMultipliers()) {
          if (Double.isNaN(space.multiplier(m).relativeArea())) {
            throw new BadInputException("the area objective needs the relative area of every multiplier; "
                + m + " has none");
          }
        }
      }
      RunConfig config = new RunConfig(settings.seed(), space.model(), space.dataset(),
          settings.objectives().objectives(), space.exactMultiplier(),
          space.usedMultipliers().stream().map(space::multiplier).toList(), space.layerNames(), settings.toMap());
      checkPopulation(settings.population(), codec);
      Path logFile = evaluationLog(dir);
      EvaluationLog.Contents contents = cp != null || Files.exists(logFile)
          ? EvaluationLog.read(logFile) : new EvaluationLog.Contents(List.of(), false);
      if (cp != null) {
        CheckpointCheck.check(cp, contents.records(), codec, settings.population(), checkpointFile(dir));
      }
      RunFiles.removeStaleTemporaries(dir);
      Files.createDirectories(dir);
      progress.logTo(dir.resolve("search.log"));
      progress.statusFrom(backend::status);
      if (contents.droppedTornLine()) {
        progress.info("evaluation log: dropped a last record cut short by the interruption");
      }
      List<EvaluationRecord> loaded = contents.records();
      runDir.writeConfig(config);
      EvaluationLog log = Files.exists(logFile) ? EvaluationLog.openForAppend(logFile) : EvaluationLog.create(logFile);
      try (log) {
        EvaluationCache cache = new EvaluationCache(log, backend, stop);
        cache.load(loaded);
        cache.observe(progress::evaluating);
        CandidateResult reference = cache.evaluate(List.of(new int[0]), Fidelity.SCREENING,
            g -> Assignment.allExact()).get(0);
        if (settings.objectives().metrics().contains(Metric.SYSTEM_ENERGY) && Double.isNaN(reference.systemEnergy())) {
          throw new BadInputException("--energy system: the engine has no system energy model for this problem; "
              + "use --energy multiplier");
        }
        if (settings.objectives().metrics().contains(Metric.LATENCY) && Double.isNaN(reference.latency())) {
          throw new BadInputException("--objectives latency: only the IMC target (--target imc) reports latency");
        }
        Scorer scorer = new Scorer(codec, settings.objectives(), reference.accuracy(), settings.maxAccuracyDrop());
        SearchSession session = new SearchSession(settings, codec, cache, scorer, config, runDir,
            checkpointFile(dir), progress, reference.accuracy());
        session.phase("setup", (System.nanoTime() - t0) / 1e9);
        if (settings.surrogate().enabled()) {
          Surrogate.attach(session, problem, progress);
        }
        progress.info(String.format(Locale.ROOT, "%s %s: %d layers, %d genes (%s), %d multipliers, exact "
            + "accuracy %.2f%% (screening)", cp == null ? "search" : "resume", dir, space.layers().size(),
            codec.length(), settings.granularity(), space.usedMultipliers().size(), 100 * reference.accuracy()));
        LayerLossMeter meter = cp == null ? meter(settings, problem) : null;
        searching[0] = true;
        try {
          if (cp == null) {
            session.initial(meter == null ? List.of() : allocationSeeds(settings, meter, codec, dir, stop));
          } else {
            restore(session, cp, checkpointFile(dir));
          }
          while (!settings.budget().exhausted(session.generation(), session.searchSeconds())) {
            if (stop.isStopRequested()) {
              throw new StoppedException();
            }
            session.step();
          }
          if (!problem.status().isEmpty()) {
            progress.info(problem.status());
          }
          session.finish();
          progress.done();
          return Outcome.COMPLETE;
        } catch (StoppedException e) {
          cache.sync();
          if (Files.exists(checkpointFile(dir))) {
            session.writePartial();
            progress.info("interrupted: checkpoint after generation " + session.generation()
                + "; continue with: axdse search --resume " + dir);
          } else {
            progress.info("interrupted before the first checkpoint; continue with: axdse search --resume " + dir
                + " (generation 0 again, reusing the evaluations done)");
          }
          progress.done();
          return Outcome.INTERRUPTED;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The one-layer meter {@code --init allocation} needs (null for {@code --init uniform}), or a one-line error. */
  private static LayerLossMeter meter(SearchSettings settings, SearchProblem problem) {
    if (settings.init() != Seeding.ALLOCATION) {
      return null;
    }
    LayerLossMeter meter = problem.layerLosses();
    if (meter == null) {
      throw new BadInputException("--init allocation: this engine does not measure one-layer losses (weight "
          + "sharing and the IMC target do not); use --init uniform");
    }
    return meter;
  }

  /** The genomes {@code --init allocation} seeds, measured with {@code meter}; writes them to the run directory. */
  private List<int[]> allocationSeeds(SearchSettings settings, LayerLossMeter meter, GenomeCodec codec, Path dir,
      StopSignal stop) {
    Metric energy = settings.objectives().metrics().contains(Metric.SYSTEM_ENERGY) ? Metric.SYSTEM_ENERGY
        : Metric.MULTIPLIER_ENERGY;
    AllocationSeeds.Result r = AllocationSeeds.of(codec, meter, energy, settings.population() / 2, progress,
        stop);
    AllocationSeeds.write(dir, codec, r);
    return r.genomes();
  }

  /** The population is at most the size of the search space (rounded up to even, at least 4). */
  private static void checkPopulation(int population, GenomeCodec codec) {
    long size = 1;
    for (int i = 0; i < codec.length() && size <= Bounds.MAX_COUNT; i++) {
      size *= codec.options(i);
    }
    long max = Math.max(4, size + (size & 1));
    if (population > max) {
      Bounds.check("--population", population, 4, max, "the search space holds only " + size + " assignments");
    }
  }

  private static void restore(SearchSession session, Checkpoint cp, Path file) {
    try {
      session.restore(cp);
    } catch (IllegalArgumentException | IndexOutOfBoundsException | NullPointerException e) {
      throw BadInputException.in(file, "corrupt checkpoint: " + e.getMessage() + " (the file is left untouched)");
    }
  }
}
