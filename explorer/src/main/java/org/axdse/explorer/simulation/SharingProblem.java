package org.axdse.explorer.simulation;

import org.axdse.explorer.backend.CandidateEvaluator;
import org.axdse.explorer.backend.CandidateResult;
import org.axdse.explorer.backend.Fidelity;
import org.axdse.explorer.backend.SearchProblem;
import org.axdse.explorer.backend.ShareOptions;
import org.axdse.explorer.encoding.SearchSpace;
import org.axdse.explorer.encoding.SharedChoices;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.simulator.compensation.CompensationCache;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.data.ImageSelection;
import org.axdse.simulator.engine.Evaluation;
import org.axdse.simulator.engine.SimulationSession;
import org.axdse.simulator.share.variant.SharedCompensation;
import org.axdse.simulator.share.variant.SharedEvaluations;

/**
 * The search problem with weight sharing as a gene ({@code --share}, {@code --share-k}): every layer chooses a
 * multiplier (and so a width) and a k, or unshared weights, in one gene ({@link SharedChoices}). A candidate is
 * evaluated with the session's calibration and its shared layers clustered and quantized at their widths ({@link
 * SharedEvaluations}); its weight memory counts indices and codebooks ({@code SharingMemory}). The images of
 * each fidelity are those of {@link SimulatorProblem}. Deterministic, serialized by the session.
 */
final class SharingProblem implements SearchProblem {
  private final SearchSpace space;
  private final SharedEvaluations shared;
  private final CompensationCache compensation;
  private final int[] screening;
  private final int[] fin;

  private SharingProblem(SearchSpace space, SharedEvaluations shared, CompensationCache compensation,
      int[] screening, int[] fin) {
    this.space = space;
    this.shared = shared;
    this.compensation = compensation;
    this.screening = screening;
    this.fin = fin;
  }

  /**
   * The problem over {@code plain} (whose library starts with {@code exactDesigns} exact designs) expanded with
   * the k of {@code share}; a k that fits no layer is a one-line error, a layer whose groups are smaller than a k
   * does not offer it.
   */
  static SearchProblem open(SearchSpace plain, int exactDesigns, SimulationSession session, ShareOptions share,
      CompensationCache compensation, int threads, int screeningImages, int finalImages, long seed) {
    SharedEvaluations shared = new SharedEvaluations(session, share.granularity(), threads);
    try {
      shared.quantizations().check(share.kArray(), "--share-k");
    } catch (BadInputException e) {
      session.close();
      throw e;
    }
    int n = session.size();
    int[] maxK = new int[plain.layers().size()];
    java.util.Arrays.setAll(maxK, l -> shared.quantizations().maxK(l));
    return new SharingProblem(SharedChoices.expand(plain, share.kArray(), exactDesigns, maxK), shared, compensation,
        Dataset.subsetIndices(n, screeningImages, seed), ImageSelection.subsetOf(n, finalImages));
  }

  @Override
  public SearchSpace space() {
    return space;
  }

  @Override
  public CandidateEvaluator evaluator() {
    return (assignment, fidelity) -> {
      SharedChoices.Split s = SharedChoices.split(assignment, shared.quantizations().granularity());
      int[] images = fidelity == Fidelity.SCREENING ? screening : fin;
      Evaluation e = compensation == null ? shared.evaluate(s.assignment(), s.plan(), images)
          : SharedCompensation.evaluate(shared, SharedCompensation.compute(compensation, shared.quantizations(),
              s.assignment(), s.plan(), shared.session().model().approximableLayers()), s.assignment(), s.plan(),
              images);
      if (e.multiplierEnergy() == null) {
        throw new BadInputException("no energy figure for this assignment: " + e.energyNote());
      }
      return new CandidateResult(e.assignment().top1(), e.multiplierEnergy(),
          e.systemEnergy() == null ? Double.NaN : e.systemEnergy(),
          shared.memory(s.assignment(), s.plan()).relativeToInt8());
    };
  }

  @Override
  public void close() {
    shared.session().close();
  }
}
