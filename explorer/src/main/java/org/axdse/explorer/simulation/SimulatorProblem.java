package org.axdse.explorer.simulation;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.axdse.explorer.backend.CandidateEstimator;
import org.axdse.explorer.backend.CandidateEvaluator;
import org.axdse.explorer.backend.CandidateResult;
import org.axdse.explorer.backend.Fidelity;
import org.axdse.explorer.backend.LayerLoss;
import org.axdse.explorer.backend.LayerLossMeter;
import org.axdse.explorer.backend.SearchProblem;
import org.axdse.explorer.encoding.SearchSpace;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.compensation.Compensation;
import org.axdse.simulator.compensation.CompensationCache;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.data.ImageSelection;
import org.axdse.simulator.energy.EnergyReport;
import org.axdse.simulator.engine.Evaluation;
import org.axdse.simulator.engine.PrefixCache;
import org.axdse.simulator.engine.SimulationSession;
import org.axdse.simulator.predict.LossCheck;
import org.axdse.simulator.predict.SimulatedLoss;
import org.axdse.simulator.quant.QuantizedModel;

/**
 * A search problem served by one {@link SimulationSession}. Screening evaluates the fixed subset of {@code
 * screening} images that {@link Dataset#subsetIndices} draws with the run's seed; final fidelity evaluates all
 * images, or with {@code finalImages} M > 0 the M images {@link Dataset#subsetIndices} draws with the fixed seed
 * {@link #FINAL_SEED} (not the first M: test files may be sorted by label, as the CIFAR-10 test batch is; not the
 * run's seed, so runs with different seeds are verified on the same images). Both are fixed when the problem
 * opens, so the evaluator is pure. With a {@link CompensationCache}, each candidate is evaluated with its
 * compensated quantization (the cache is deterministic too);
 * the session serializes evaluations (each one uses every core) and is deterministic, so it is thread-safe too.
 */
final class SimulatorProblem implements SearchProblem {
  /** Seed of the final-fidelity subset when {@code --final-images} is smaller than the evaluation set. */
  static final long FINAL_SEED = ImageSelection.SUBSET_SEED;

  private final SearchSpace space;
  private final SimulationSession session;
  private final CompensationCache compensation;
  private final int[] screening;
  private final int[] fin;
  private final PrefixCache prefixes;
  private final SpeedOptions speed;
  private final long seed;
  private final Function<SimulationSession, CandidateEstimator> estimator;
  private EarlyStopping stopping;

  SimulatorProblem(SearchSpace space, SimulationSession session, CompensationCache compensation,
      int screeningImages, int finalImages, long seed, SpeedOptions speed,
      Function<SimulationSession, CandidateEstimator> estimator) {
    this.estimator = estimator;
    this.space = space;
    this.session = session;
    this.compensation = compensation;
    int n = session.size();
    this.screening = Dataset.subsetIndices(n, screeningImages, seed);
    this.fin = ImageSelection.subsetOf(n, finalImages);
    this.prefixes = speed.prefixCacheBytes() > 0 ? PrefixCache.ofBytes(speed.prefixCacheBytes()) : null;
    this.speed = speed;
    this.seed = seed;
  }

  @Override
  public SearchSpace space() {
    return space;
  }

  @Override
  public CandidateEvaluator evaluator() {
    return new CandidateEvaluator() {
      @Override
      public CandidateResult evaluate(Assignment assignment, Fidelity fidelity) {
        return SimulatorProblem.this.evaluate(assignment, fidelity, null);
      }

      @Override
      public CandidateResult evaluate(Assignment assignment, Fidelity fidelity, ToDoubleFunction<CandidateResult> bar) {
        return SimulatorProblem.this.evaluate(assignment, fidelity, bar);
      }
    };
  }

  @Override
  public CandidateEstimator estimator() {
    return estimator.apply(session);
  }

  /**
   * One-layer losses on the screening images, compensated as the candidates are, sharing the prefix cache. Each
   * call opens a new meter, which first runs the exact network on those images once.
   */
  @Override
  public LayerLossMeter layerLosses() {
    SimulatedLoss loss = new SimulatedLoss(session, compensation, screening, prefixes);
    return (layer, design) -> {
      EnergyReport e = session.energy(Assignment.uniform(List.of(layer), design));
      if (e == null) {
        throw new BadInputException("no energy figure for " + design + ": it has no circuit (table only)");
      }
      LossCheck c = loss.check(layer, design);
      return new LayerLoss(layer, design, c.logitChange(), (double) c.correct() / c.images(), e.multiplierRelative(),
          e.systemRelative());
    };
  }

  private CandidateResult evaluate(Assignment assignment, Fidelity fidelity, ToDoubleFunction<CandidateResult> bar) {
    Compensation c = compensation == null ? null : compensation.compute(assignment);
    QuantizedModel q = c == null || c.layers().isEmpty() ? session.quantization() : c.applyTo(session.atWidths(assignment));
    if (fidelity == Fidelity.SCREENING && bar != null && speed.earlyStopping()) {
      CandidateResult[] costs = new CandidateResult[1];
      return stopping().screen(images -> {
        CandidateResult r = result(assignment, session.evaluate(assignment, images, q, prefixes));
        costs[0] = costs[0] == null ? r : costs[0];
        return (int) Math.round(r.accuracy() * images.length);
      }, costs, bar);
    }
    return result(assignment, session.evaluate(assignment, fidelity == Fidelity.SCREENING ? screening : fin, q,
        fidelity == Fidelity.SCREENING ? prefixes : null));
  }

  private CandidateResult result(Assignment assignment, Evaluation e) {
    if (e.multiplierEnergy() == null) {
      throw new BadInputException("no energy figure for this assignment: " + e.energyNote());
    }
    return new CandidateResult(e.assignment().top1(), e.multiplierEnergy(),
        e.systemEnergy() == null ? Double.NaN : e.systemEnergy(), session.weightMemory(assignment));
  }

  private synchronized EarlyStopping stopping() {
    if (stopping == null) {
      stopping = new EarlyStopping(screening, session.exactCorrect(screening), seed, speed.alpha());
    }
    return stopping;
  }

  @Override
  public String status() {
    if (prefixes == null) {
      return "";
    }
    PrefixCache.Stats s = prefixes.stats();
    return String.format(java.util.Locale.ROOT, "prefix cache: %d of %d screening evaluations resumed after a "
        + "cached prefix (%.1f%%), %.1f%% of the screening MACs skipped; %d states, %.0f of %.0f MiB held, %d dropped",
        s.hits(), s.evaluations(), 100 * s.hitRate(), 100 * s.savedFraction(), s.entries(), s.bytes() / 1048576.0,
        prefixes.maxBytes() / 1048576.0, s.evictions());
  }

  @Override
  public void close() {
    session.close();
  }
}
