package org.axdse.explorer.simulation;

import java.nio.file.Path;
import java.util.function.Function;
import org.axdse.explorer.backend.CandidateEstimate;
import org.axdse.explorer.backend.CandidateEstimator;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.multipliers.util.ProgressListener;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.cache.ResultCache;
import org.axdse.simulator.compensation.CompensationMethod;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.deploy.DeployJson;
import org.axdse.simulator.energy.EnergyReport;
import org.axdse.simulator.engine.SimulationSession;
import org.axdse.simulator.engine.WidthSet;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.predict.AccuracyPredictor;
import org.axdse.simulator.predict.NoiseFigure;
import org.axdse.simulator.predict.PredictorSetup;
import org.axdse.simulator.quant.QuantizedModel;

/**
 * The {@link CandidateEstimator} of a simulator problem: the accuracy predictor's modelled noise of an assignment
 * (compensated as the search compensates it, see {@code axdse predict}) and the session's exact energies and
 * weight memory, with no image run. The predictor's setup (error model over the calibration images, sensitivity
 * on the first {@value #SENSITIVITY_IMAGES} of them with seed {@value #SENSITIVITY_SEED}, through the result cache)
 * happens when the search first asks for the estimator.
 */
final class SimulatorEstimator implements CandidateEstimator {
  /** Calibration images the sensitivity is measured on (fewer when the calibration set is smaller). */
  static final int SENSITIVITY_IMAGES = 128;
  /** Seed of the sensitivity's noise: fixed, so runs of every seed share the cached measurement. */
  static final long SENSITIVITY_SEED = 1;

  private final AccuracyPredictor predictor;
  private final SimulationSession session;
  private final CompensationMethod method;

  private SimulatorEstimator(AccuracyPredictor predictor, SimulationSession session, CompensationMethod method) {
    this.predictor = predictor;
    this.session = session;
    this.method = method;
  }

  /** Opens the estimator on first use; refuses in one line what the predictor cannot describe. */
  static Function<SimulationSession, CandidateEstimator> lazy(Path modelPath, Model model, QuantizedModel quant,
      MultiplierCatalog catalog, Dataset calibration, WidthSet widths, CompensationMethod method, int threads) {
    CandidateEstimator[] opened = {null};
    return session -> {
      if (opened[0] == null) {
        PredictorSetup.check(modelPath.toString(), model);
        if (!widths.single()) {
          throw new BadInputException("--surrogate: the accuracy predictor does not describe mixed weight widths"
              + " (--weight-bits " + widths.label() + ")");
        }
        AccuracyPredictor p = PredictorSetup.open(model, quant, catalog, calibration, SENSITIVITY_IMAGES, threads,
            DeployJson.sha256(modelPath), ResultCache.fromEnvironment(), SENSITIVITY_SEED, ProgressListener.NONE,
            phase -> {});
        opened[0] = new SimulatorEstimator(p, session, method);
      }
      return opened[0];
    };
  }

  @Override
  public CandidateEstimate estimate(Assignment assignment) {
    NoiseFigure n = predictor.noise(assignment, method);
    EnergyReport e = session.energy(assignment);
    if (e == null) {
      throw new BadInputException("no energy figure for this assignment: a multiplier has no circuit");
    }
    return new CandidateEstimate(Math.max(0, n.total() - n.meanPart()), n.meanPart(), e.multiplierRelative(),
        e.systemRelative(), session.weightMemory(assignment));
  }
}
