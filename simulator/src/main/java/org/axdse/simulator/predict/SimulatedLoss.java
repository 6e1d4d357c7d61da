package org.axdse.simulator.predict;

import java.util.List;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.compensation.Compensation;
import org.axdse.simulator.compensation.CompensationCache;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.engine.PrefixCache;
import org.axdse.simulator.engine.Predictions;
import org.axdse.simulator.engine.SimulationSession;
import org.axdse.simulator.quant.QuantizedModel;

/**
 * The simulated loss of one design in one layer: the network with only that layer approximate, compensated as
 * {@code search --compensate} compensates its candidates (the search's {@link CompensationCache}: weight tuning
 * and bias correction on the exact network's inputs), run by the session's engine over a fixed set of images and
 * compared with the exact-quantized network on the same images. The figure that ranks designs is the accuracy
 * predictor's unit, the mean squared change of the logit codes ({@link SensitivityMeasurement#meanSquaredChange}),
 * so it is directly comparable with {@code evolve --measure loss}'s predicted loss; the top-1 changes are counted
 * beside it. A shared {@link PrefixCache} lets a layer's designs resume after the exact prefix before the layer.
 * Deterministic: the same designs and images give the same figures for any thread count. Not thread-safe.
 */
public final class SimulatedLoss {
  private final SimulationSession session;
  private final CompensationCache compensation;
  private final int[] images;
  private final PrefixCache prefixes;
  private final byte[] exact;
  private final boolean[] exactCorrect;
  private final int[] exactTop1;
  private final int classes;

  /**
   * Checks designs on {@code session}'s images at {@code images}; {@code compensation} is null to run designs
   * uncompensated, and {@code prefixBytes} bounds the prefix cache (0: none).
   */
  public SimulatedLoss(SimulationSession session, CompensationCache compensation, int[] images, long prefixBytes) {
    this(session, compensation, images, prefixBytes > 0 ? PrefixCache.ofBytes(prefixBytes) : null);
  }

  /** As above, sharing {@code prefixes} (null: none) with the session's other evaluations (it is keyed and safe). */
  public SimulatedLoss(SimulationSession session, CompensationCache compensation, int[] images,
      PrefixCache prefixes) {
    this.session = session;
    this.compensation = compensation;
    this.images = images.clone();
    this.prefixes = prefixes;
    this.exact = session.logits(Assignment.allExact(), this.images);
    this.classes = exact.length / this.images.length;
    this.exactCorrect = session.exactCorrect(this.images);
    this.exactTop1 = top1(exact);
  }

  /** {@code n} images of a set of {@code size}, drawn with {@code seed} as the search draws its screening images. */
  public static int[] images(int size, int n, long seed) {
    return Dataset.subsetIndices(size, n, seed);
  }

  /** The images checked (indices into the session's set). */
  public int[] images() {
    return images.clone();
  }

  /** How many of the images the exact-quantized network classifies correctly. */
  public int exactCorrect() {
    int n = 0;
    for (boolean b : exactCorrect) {
      n += b ? 1 : 0;
    }
    return n;
  }

  /** The simulated loss of {@code design} in approximable layer {@code layer} (named as the model names it). */
  public LossCheck check(String layer, String design) {
    Assignment a = Assignment.uniform(List.of(layer), design);
    Compensation c = compensation == null ? null : compensation.compute(a);
    QuantizedModel q = c == null || c.layers().isEmpty() ? session.quantization() : c.applyTo(session.atWidths(a));
    byte[] logits = session.logits(a, images, q, prefixes);
    int[] top1 = top1(logits);
    int flips = 0;
    int correct = 0;
    for (int i = 0; i < images.length; i++) {
      flips += top1[i] != exactTop1[i] ? 1 : 0;
      correct += top1[i] == session.evalSet().label(images[i]) ? 1 : 0;
    }
    double change = SensitivityMeasurement.meanSquaredChange(exact, logits, session.logitsSigned(), classes);
    return new LossCheck(layer, design, change, flips, correct, exactCorrect(), images.length);
  }

  private int[] top1(byte[] logits) {
    int[] out = new int[images.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = Predictions.top1(logits, i * classes, classes, session.logitsSigned());
    }
    return out;
  }
}
