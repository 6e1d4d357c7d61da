package org.axdse.simulator.imc;

import java.util.ArrayList;
import java.util.List;
import org.axdse.multipliers.util.ProgressListener;
import org.axdse.simulator.engine.LayerDataflow;

/**
 * A layer-wise search of IMC knobs, without retraining. (1) Sensitivity: for every mapped layer and every single
 * knob step on a ladder (planes, slices, ADC bits, each alone, the other layers exact), the mean squared
 * difference of the logit codes from the exact network on the sensitivity images. (2) Greedy descent: starting
 * at full precision, repeatedly take the one-step move (one layer, one knob to its next ladder rung) with the
 * largest latency saved per unit of predicted error, the predicted error of a layer being the sum of the errors
 * its knobs showed alone, and of the network the sum over layers. Every step is a point of the trajectory.
 * (3) The caller checks trajectory points' real accuracy and keeps the last one within its accuracy budget.
 * Deterministic: no random choice; ties go to the earlier layer and knob.
 */
public final class LayerwiseSearch {
  /** Planes tried, in order (from full). */
  static final int[] PLANES = {7, 6, 5, 4, 3};

  private final ImcSession session;
  private final ImcNetwork net;
  private final int[] images;
  private final byte[] exactLogits;
  /** err[layer][dimension][rung]: logit MSE of that one step alone; NaN where not measured. */
  private final double[][][] err;
  private final int[][] ladder;

  /**
   * Measures the sensitivities on {@code images} of {@code session} with a ladder of ADC bits down to
   * {@code minAdcBits} and slices down to {@code minSlices}.
   */
  public LayerwiseSearch(ImcSession session, int[] images, int minAdcBits, int minSlices,
      ProgressListener progress) {
    this.session = session;
    this.net = session.network();
    this.images = images.clone();
    int layers = net.workloads().size();
    this.exactLogits = session.logits(new LayerDataflow[layers], images);
    ImcKnobs full = net.full();
    this.ladder = new int[3][];
    ladder[0] = PLANES;
    ladder[1] = range(full.slices() - 1, minSlices);
    ladder[2] = range(full.adcBits() - 1, minAdcBits);
    this.err = new double[layers][3][];
    int total = 0;
    for (int i = 0; i < layers; i++) {
      total += net.workloads().get(i) == null ? 0 : ladder[0].length + ladder[1].length + ladder[2].length;
    }
    try (ProgressListener.Task t = progress.start("IMC sensitivity", total, "evaluations")) {
      for (int i = 0; i < layers; i++) {
        for (int d = 0; d < 3; d++) {
          err[i][d] = new double[ladder[d].length];
          for (int r = 0; r < ladder[d].length; r++) {
            if (net.workloads().get(i) == null) {
              err[i][d][r] = Double.NaN;
              continue;
            }
            LayerDataflow[] flows = new LayerDataflow[layers];
            flows[i] = net.flow(i, with(full, d, ladder[d][r]));
            err[i][d][r] = mse(session.logits(flows, this.images));
            t.advance(1);
          }
        }
      }
    }
  }

  private static int[] range(int from, int to) {
    int n = Math.max(0, from - to + 1);
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = from - i;
    }
    return out;
  }

  private static ImcKnobs with(ImcKnobs k, int dimension, int value) {
    return switch (dimension) {
      case 0 -> new ImcKnobs(value, k.slices(), k.adcBits());
      case 1 -> new ImcKnobs(k.planes(), value, k.adcBits());
      default -> new ImcKnobs(k.planes(), k.slices(), value);
    };
  }

  private double mse(byte[] logits) {
    double s = 0;
    for (int i = 0; i < logits.length; i++) {
      double d = logits[i] - exactLogits[i];
      s += d * d;
    }
    return s / logits.length;
  }

  /** The measured single-step error of {@code layer}, knob {@code dimension} (0 planes, 1 slices, 2 ADC). */
  public double[] sensitivity(int layer, int dimension) {
    return err[layer][dimension].clone();
  }

  /** One point of the greedy trajectory: the knobs, the predicted logit error and the cost per image. */
  public record Point(List<ImcKnobs> knobs, double predictedError, ImcCost cost) {
    public Point {
      knobs = java.util.Collections.unmodifiableList(new ArrayList<>(knobs));
    }
  }

  /** The greedy trajectory from full precision until no move is left or the predicted error passes {@code cap}. */
  public List<Point> trajectory(double cap) {
    int layers = net.workloads().size();
    int[][] rung = new int[layers][3];
    for (int[] r : rung) {
      java.util.Arrays.fill(r, -1);
    }
    List<ImcKnobs> knobs = new ArrayList<>(net.allFull());
    List<Point> out = new ArrayList<>();
    double predicted = 0;
    out.add(new Point(knobs, 0, net.cost(knobs)));
    while (true) {
      int bestLayer = -1;
      int bestDim = -1;
      double bestRatio = -1;
      double bestDelta = 0;
      long now = net.cost(knobs).latencyCycles();
      for (int i = 0; i < layers; i++) {
        if (net.workloads().get(i) == null) {
          continue;
        }
        for (int d = 0; d < 3; d++) {
          int next = rung[i][d] + 1;
          if (next >= ladder[d].length) {
            continue;
          }
          double before = rung[i][d] < 0 ? 0 : err[i][d][rung[i][d]];
          double delta = Math.max(err[i][d][next] - before, 1e-9);
          ImcKnobs moved = with(knobs.get(i), d, ladder[d][next]);
          long saved = net.cost(i, knobs.get(i)).latencyCycles() - net.cost(i, moved).latencyCycles();
          double ratio = saved / delta;
          if (saved > 0 && ratio > bestRatio) {
            bestRatio = ratio;
            bestLayer = i;
            bestDim = d;
            bestDelta = delta;
          }
        }
      }
      if (bestLayer < 0 || predicted + bestDelta > cap) {
        return out;
      }
      rung[bestLayer][bestDim]++;
      knobs.set(bestLayer, with(knobs.get(bestLayer), bestDim, ladder[bestDim][rung[bestLayer][bestDim]]));
      predicted += bestDelta;
      assert net.cost(knobs).latencyCycles() < now;
      out.add(new Point(knobs, predicted, net.cost(knobs)));
    }
  }
}
