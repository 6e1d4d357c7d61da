package org.axdse.explorer.evolve;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axdse.multipliers.Multiplier;
import org.axdse.multipliers.cgp.CandidateError;
import org.axdse.multipliers.cgp.CandidateEvaluator;
import org.axdse.multipliers.cgp.EvolutionCheckpoint;
import org.axdse.multipliers.cgp.EvolutionState;
import org.axdse.multipliers.cost.CostModel;
import org.axdse.multipliers.cost.MultiplierCosts;
import org.axdse.multipliers.library.BuiltinLibrary;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.OperandDistribution;
import org.axdse.multipliers.util.ProgressListener;
import org.axdse.simulator.engine.LayerOperands;

/**
 * Evolves circuits for some layers: one run per (layer, error bound), {@code threads} runs at a time, each under
 * its layer's distribution and seeded from the same circuit; then each layer's front of evolved designs beside the
 * built-in designs of the format. Run {@code r} of layer {@code l} (model order) draws from the stream
 * {@code (seed, 1000 l + r)}. With a time budget, each run gets {@code budget * min(threads, runs) / runs}.
 */
public final class Evolver {
  private Evolver() {}

  /**
   * Evolves circuits for {@code layers} (at {@code modelIndices} in the model), each run starting as {@code seeds}
   * says: from its fixed circuit, or from the cheapest design within the run's bound in its layer (the exact
   * reference when none is), so that evolution starts where the library ends. {@code errors} (null unless the
   * measure is {@code loss}) gives each layer's error, in the order of {@code layers}.
   */
  public static List<LayerFront> evolve(String model, List<LayerOperands> layers, List<Integer> modelIndices,
      List<? extends CandidateError> errors, SeedDesigns seeds, EvolveSettings s, Path checkpoints, int threads,
      ProgressListener progress) {
    int runs = layers.size() * s.thresholds().size();
    Duration share = s.budget() == null ? null
        : s.budget().multipliedBy(Math.min(threads, runs)).dividedBy(runs);
    List<CandidateEvaluator> evaluators = new ArrayList<>();
    for (int l = 0; l < layers.size(); l++) {
      OperandDistribution d = layers.get(l).distribution();
      evaluators.add(errors == null
          ? new CandidateEvaluator(d, s.measure(), s.streamLength(), CostModel.DEFAULT_SEED)
          : new CandidateEvaluator(d, errors.get(l), s.streamLength(), CostModel.DEFAULT_SEED));
    }
    // each layer's power figures on the cost model's full stream, as the search charges them
    List<MultiplierCosts> costs = new ArrayList<>();
    List<List<DesignPoint>> builtin = new ArrayList<>();
    for (int l = 0; l < layers.size(); l++) {
      costs.add(MultiplierCosts.of(CostModel.defaults(), layers.get(l).distribution(), CostModel.DEFAULT_SEED));
      builtin.add(builtinPoints(layers.get(l), evaluators.get(l), costs.get(l)));
    }
    List<List<Candidate>> candidates = new ArrayList<>();
    for (int l = 0; l < layers.size(); l++) {
      candidates.add(seeds.fixed() != null ? List.of()
          : seedCandidates(builtin.get(l), seeds.library(), layers.get(l), evaluators.get(l), costs.get(l)));
    }
    // every run's start and, when resumed, its checkpoint (checked against the run's fitness) before any run starts
    List<List<RunStart>> starts = new ArrayList<>();
    for (int l = 0; l < layers.size(); l++) {
      List<RunStart> layerStarts = new ArrayList<>();
      for (double bound : s.thresholds()) {
        String name = layers.get(l).name();
        Multiplier start = seeds.fixed() != null ? seeds.fixed()
            : cheapestWithin(candidates.get(l), bound, layers.get(l).distribution().format());
        Path file = checkpoint(checkpoints, name, s, bound);
        layerStarts.add(new RunStart(start, Files.isRegularFile(file)
            ? EvolutionCheckpoint.read(file).state(s.key(name, start.name(), bound), file, evaluators.get(l))
            : null));
      }
      starts.add(layerStarts);
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<List<Future<EvolvedRun>>> futures = new ArrayList<>();
    try (ProgressListener.Task task = progress.start("evolving", runs, "runs")) {
      for (int l = 0; l < layers.size(); l++) {
        List<Future<EvolvedRun>> perLayer = new ArrayList<>();
        for (int r = 0; r < s.thresholds().size(); r++) {
          String name = layers.get(l).name();
          double bound = s.thresholds().get(r);
          CandidateEvaluator ev = evaluators.get(l);
          long index = 1000L * modelIndices.get(l) + r;
          Path file = checkpoint(checkpoints, name, s, bound);
          RunStart start = starts.get(l).get(r);
          perLayer.add(pool.submit(() -> {
            EvolvedRun run = RunDriver.run(name, (int) index, bound, ev, start.circuit().netlist(),
                start.circuit().name(), start.resumed(), s, file, share);
            task.advance(1);
            return run;
          }));
        }
        futures.add(perLayer);
      }
      List<LayerFront> fronts = new ArrayList<>();
      for (int l = 0; l < layers.size(); l++) {
        List<EvolvedRun> done = new ArrayList<>();
        for (Future<EvolvedRun> f : futures.get(l)) {
          done.add(get(f));
        }
        fronts.add(front(model, modelIndices.get(l), layers.get(l), done, evaluators.get(l), costs.get(l), s,
            builtin.get(l)));
      }
      return fronts;
    } finally {
      pool.shutdownNow();
    }
  }

  /** A run's seed circuit and, when it resumes, the state of its checked checkpoint (else null). */
  private record RunStart(Multiplier circuit, EvolutionState resumed) { }

  private static Path checkpoint(Path checkpoints, String layer, EvolveSettings s, double bound) {
    return checkpoints.resolve(EvolvedNames.fileSafe(layer) + "." + s.measure().label() + EvolveSettings.label(bound)
        + ".json");
  }

  private static EvolvedRun get(Future<EvolvedRun> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("evolution interrupted", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    }
  }

  /** The layer's evolved designs (final figures on the cost model's full stream) and built-in points. */
  static LayerFront front(String model, int index, LayerOperands layer, List<EvolvedRun> runs,
      CandidateEvaluator ev, MultiplierCosts costs, EvolveSettings s, List<DesignPoint> builtin) {
    List<EvolvedDesign> designs = new ArrayList<>();
    for (EvolvedRun run : runs) {
      String name = EvolvedNames.design(run.circuit().format(), model, index, s.measure(), run.threshold());
      Multiplier m = Multiplier.ofNetlist(name, "CGP-evolved for layer " + layer.name() + ", " + s.measure().label()
          + " <= " + run.threshold() + " (seed " + s.seed() + ", " + run.generations() + " generations)",
          run.circuit().withName(name));
      designs.add(new EvolvedDesign(m, run, DesignPoint.of(m, ev, costs)));
    }
    return new LayerFront(layer.name(), LayerFront.front(designs), builtin);
  }

  /** Every built-in circuit of the layer's format, in the layer (full cost stream). */
  static List<DesignPoint> builtinPoints(LayerOperands layer, CandidateEvaluator ev, MultiplierCosts costs) {
    return BuiltinLibrary.all(layer.distribution().format()).stream().filter(m -> m.netlist() != null)
        .map(m -> DesignPoint.of(m, ev, costs)).toList();
  }

  /**
   * The candidate circuit of least power (its own circuit's, not the 1.0 an exact table is charged) within
   * {@code bound}, else the exact reference of {@code format}.
   */
  private static Multiplier cheapestWithin(List<Candidate> candidates, double bound, MultiplierFormat format) {
    return candidates.stream().filter(c -> c.point().error() <= bound)
        .min(Comparator.comparingDouble((Candidate c) -> c.point().cost().power())
            .thenComparing(c -> c.point().name()))
        .map(Candidate::circuit)
        .orElseGet(() -> BuiltinLibrary.byName(MultiplierCatalog.exactReference(format).name()).orElseThrow());
  }

  /** A design a run may start from, and its point in the run's layer. */
  private record Candidate(Multiplier circuit, DesignPoint point) { }

  /** The built-in designs' points and those of the library circuits of the layer's format, in the layer. */
  private static List<Candidate> seedCandidates(List<DesignPoint> builtin, List<Multiplier> library,
      LayerOperands layer, CandidateEvaluator ev, MultiplierCosts costs) {
    List<Candidate> out = new ArrayList<>();
    for (DesignPoint p : builtin) {
      out.add(new Candidate(BuiltinLibrary.byName(p.name()).orElseThrow(), p));
    }
    for (Multiplier m : library) {
      if (m.format().equals(layer.distribution().format())) {
        out.add(new Candidate(m, DesignPoint.of(m, ev, costs)));
      }
    }
    return out;
  }
}
