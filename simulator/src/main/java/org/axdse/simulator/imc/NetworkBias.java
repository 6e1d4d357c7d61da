package org.axdse.simulator.imc;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axdse.simulator.compensation.BiasCorrection;
import org.axdse.simulator.engine.LayerDataflow;

/**
 * Bias correction against the exact network (the empirical form of Nagel et al., ICCV 2019): layer by layer in
 * the network's order, each approximated layer's mean accumulator on the calibration images, with every earlier
 * layer approximate and already corrected, is brought to the exact network's mean accumulator of that layer on the
 * same images. Both are measured with {@link AccumulatorMeter}, so the zero-point term of inputs that the earlier
 * layers shifted counts too. A layer thus corrects the whole systematic error that reaches its output, its own
 * and what its inputs carry, where {@link ImcBiasCorrection}'s orders correct only its own (against the exact
 * layer on the same inputs). Costs one pass for the exact network's means (once) and one per approximated layer
 * after the first, memoised by the configuration of the layers up to it. Not thread-safe (its owner
 * synchronises).
 */
final class NetworkBias {
  private final ImcSession calibration;
  private final ImcNetwork net;
  private final Map<String, int[]> memo = new HashMap<>();
  private long[][] exactSums;
  private long[] exactPositions;

  NetworkBias(ImcSession calibration) {
    this.calibration = calibration;
    this.net = calibration.network();
  }

  /** One correction per layer of {@code knobs}, null where nothing is corrected (unmapped, full precision). */
  int[][] deltas(List<ImcKnobs> knobs) {
    int[][] out = new int[knobs.size()][];
    StringBuilder prefix = new StringBuilder();
    for (int i = 0; i < knobs.size(); i++) {
      ImcKnobs k = knobs.get(i);
      prefix.append(k == null ? "-" : k.name()).append(' ');
      if (k == null || net.workloads().get(i) == null || k.equals(net.full())) {
        continue;
      }
      int index = i;
      out[i] = memo.computeIfAbsent(prefix.toString(), key -> measure(knobs, out, index)).clone();
    }
    return out;
  }

  private int[] measure(List<ImcKnobs> knobs, int[][] d, int index) {
    exact();
    LayerDataflow[] flows = new LayerDataflow[knobs.size()];
    for (int j = 0; j < index; j++) {
      if (d[j] != null) {
        flows[j] = new BiasedDataflow(net.layer(j, knobs.get(j)), d[j]);
      }
    }
    AccumulatorMeter m = meter(index, net.layer(index, knobs.get(index)));
    flows[index] = m;
    calibration.logits(flows, calibration.all());
    long[] approx = m.sums();
    if (m.positions() != exactPositions[index]) {
      throw new IllegalStateException("layer " + index + ": " + m.positions() + " positions, exact "
          + exactPositions[index]);
    }
    double[] mean = new double[approx.length];
    for (int n = 0; n < mean.length; n++) {
      mean[n] = (double) (approx[n] - exactSums[index][n]) / m.positions();
    }
    return BiasCorrection.deltas(mean);
  }

  /** The exact network's per-channel sums of every mapped layer, in one pass (once). */
  private void exact() {
    if (exactSums != null) {
      return;
    }
    int layers = net.workloads().size();
    LayerDataflow[] flows = new LayerDataflow[layers];
    AccumulatorMeter[] meters = new AccumulatorMeter[layers];
    for (int i = 0; i < layers; i++) {
      if (net.workloads().get(i) != null) {
        meters[i] = meter(i, net.layer(i, net.full()));
        flows[i] = meters[i];
      }
    }
    calibration.logits(flows, calibration.all());
    exactSums = new long[layers][];
    exactPositions = new long[layers];
    for (int i = 0; i < layers; i++) {
      if (meters[i] != null) {
        exactSums[i] = meters[i].sums();
        exactPositions[i] = meters[i].positions();
      }
    }
  }

  private AccumulatorMeter meter(int index, LayerDataflow flow) {
    return new AccumulatorMeter(flow, net.weightZeroPoints(index), net.signedActivations(index));
  }
}
