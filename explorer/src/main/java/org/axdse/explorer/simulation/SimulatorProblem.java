package org.axdse.explorer.simulation;

import java.util.stream.IntStream;
import org.axdse.explorer.backend.CandidateEvaluator;
import org.axdse.explorer.backend.CandidateResult;
import org.axdse.explorer.backend.Fidelity;
import org.axdse.explorer.backend.SearchProblem;
import org.axdse.explorer.encoding.SearchSpace;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.engine.Evaluation;
import org.axdse.simulator.engine.SimulationSession;

/**
 * A search problem served by one {@link SimulationSession}. Screening evaluates the fixed subset of {@code
 * screening} images that {@link Dataset#subsetIndices} draws with the run's seed; final fidelity evaluates the
 * first {@code finalImages} images (0: all). Both are fixed when the problem opens, so the evaluator is pure;
 * the session serializes evaluations (each one uses every core) and is deterministic, so it is thread-safe too.
 */
final class SimulatorProblem implements SearchProblem {
  private final SearchSpace space;
  private final SimulationSession session;
  private final int[] screening;
  private final int[] fin;

  SimulatorProblem(SearchSpace space, SimulationSession session, int screeningImages, int finalImages, long seed) {
    this.space = space;
    this.session = session;
    int n = session.size();
    this.screening = Dataset.subsetIndices(n, screeningImages, seed);
    this.fin = IntStream.range(0, finalImages == 0 ? n : Math.min(finalImages, n)).toArray();
  }

  @Override
  public SearchSpace space() {
    return space;
  }

  @Override
  public CandidateEvaluator evaluator() {
    return this::evaluate;
  }

  private CandidateResult evaluate(Assignment assignment, Fidelity fidelity) {
    Evaluation e = session.evaluate(assignment, fidelity == Fidelity.SCREENING ? screening : fin);
    if (e.multiplierEnergy() == null) {
      throw new BadInputException("no energy figure for this assignment: " + e.energyNote());
    }
    return new CandidateResult(e.assignment().top1(), e.multiplierEnergy(),
        e.systemEnergy() == null ? Double.NaN : e.systemEnergy());
  }

  @Override
  public void close() {
    session.close();
  }
}
