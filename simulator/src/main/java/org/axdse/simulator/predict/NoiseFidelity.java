package org.axdse.simulator.predict;

import java.util.List;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.engine.Predictions;
import org.axdse.simulator.engine.SimulationSession;
import org.axdse.simulator.errormodel.ChannelMoments;
import org.axdse.simulator.errormodel.LayerPrediction;

/**
 * The noise-injection fidelity (the ProxSim way, De la Parra et al., DATE 2020): the exact integer engine with
 * Gaussian noise of the modelled mean and variance added to every channel's accumulators, instead of the
 * assignment's product tables. It costs one exact evaluation; deterministic from its seed.
 */
public final class NoiseFidelity {
  private NoiseFidelity() {}

  /**
   * Top-1 (a fraction) over {@code images} of {@code session} with noise of the modelled {@code errors} (one
   * entry per approximable layer, from {@code ErrorModel.predict}) injected, drawn from {@code seed}.
   */
  public static double top1(SimulationSession session, List<LayerPrediction> errors, int[] images, long seed) {
    int layers = session.model().approximableLayers().size();
    double[][] mean = new double[layers][];
    double[][] std = new double[layers][];
    for (LayerPrediction p : errors) {
      ChannelMoments m = p.channels();
      boolean silent = true;
      for (int o = 0; o < m.channels() && silent; o++) {
        silent = m.mean(o) == 0 && m.variance(o) == 0;
      }
      if (silent) {
        continue;
      }
      mean[p.index()] = m.mean();
      std[p.index()] = new double[m.channels()];
      for (int o = 0; o < m.channels(); o++) {
        std[p.index()][o] = Math.sqrt(m.variance(o));
      }
    }
    byte[] logits = session.logits(Assignment.allExact(), images, new GaussianNoise(mean, std, seed));
    int classes = logits.length / images.length;
    boolean signed = session.logitsSigned();
    int correct = 0;
    for (int j = 0; j < images.length; j++) {
      correct += Predictions.top1(logits, j * classes, classes, signed) == session.evalSet().label(images[j])
          ? 1 : 0;
    }
    return (double) correct / images.length;
  }
}
