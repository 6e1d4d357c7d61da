package org.axdse.explorer.simulation;

import java.util.function.Function;
import org.axdse.explorer.backend.CandidateEstimator;
import org.axdse.explorer.backend.CandidateEvaluator;
import org.axdse.explorer.backend.CandidateResult;
import org.axdse.explorer.backend.Fidelity;
import org.axdse.explorer.backend.SearchProblem;
import org.axdse.explorer.encoding.SearchSpace;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.compensation.Compensation;
import org.axdse.simulator.compensation.CompensationCache;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.data.ImageSelection;
import org.axdse.simulator.engine.Evaluation;
import org.axdse.simulator.engine.SimulationSession;

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
  private final Function<SimulationSession, CandidateEstimator> estimator;

  SimulatorProblem(SearchSpace space, SimulationSession session, CompensationCache compensation,
      int screeningImages, int finalImages, long seed, Function<SimulationSession, CandidateEstimator> estimator) {
    this.estimator = estimator;
    this.space = space;
    this.session = session;
    this.compensation = compensation;
    int n = session.size();
    this.screening = Dataset.subsetIndices(n, screeningImages, seed);
    this.fin = ImageSelection.subsetOf(n, finalImages);
  }

  @Override
  public SearchSpace space() {
    return space;
  }

  @Override
  public CandidateEvaluator evaluator() {
    return this::evaluate;
  }

  @Override
  public CandidateEstimator estimator() {
    return estimator.apply(session);
  }

  private CandidateResult evaluate(Assignment assignment, Fidelity fidelity) {
    int[] images = fidelity == Fidelity.SCREENING ? screening : fin;
    Compensation c = compensation == null ? null : compensation.compute(assignment);
    Evaluation e = c == null || c.layers().isEmpty() ? session.evaluate(assignment, images)
        : session.evaluate(assignment, images, c.applyTo(session.quantization()));
    if (e.multiplierEnergy() == null) {
      throw new BadInputException("no energy figure for this assignment: " + e.energyNote());
    }
    return new CandidateResult(e.assignment().top1(), e.multiplierEnergy(),
        e.systemEnergy() == null ? Double.NaN : e.systemEnergy(), session.weightMemory(assignment));
  }

  @Override
  public void close() {
    session.close();
  }
}
