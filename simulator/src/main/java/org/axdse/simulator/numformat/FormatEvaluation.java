package org.axdse.simulator.numformat;

import org.axdse.multipliers.util.ProgressListener;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.engine.Predictions;
import org.axdse.simulator.model.FloatExecutor;
import org.axdse.simulator.model.FloatInputs;
import org.axdse.simulator.model.Preprocessing;

/**
 * Top-1 accuracy of a {@link FormatNetwork} on a dataset, beside the float model's, and how often the two agree.
 * Ties rank the lower class index first, as the integer engine does.
 *
 * @param images evaluated images
 * @param floatTop1 the float model's top-1 (NaN when not measured)
 * @param formatTop1 the float-format network's top-1
 * @param agreement fraction of images where both pick the same class (NaN when the float model is not run)
 */
public record FormatEvaluation(int images, double floatTop1, double formatTop1, double agreement) {
  public FormatEvaluation {
    if (images < 1) {
      throw new IllegalArgumentException("images must be >= 1, got " + images);
    }
  }

  /** Runs {@code network} (and, with {@code withFloat}, the float model) over every image of {@code data}. */
  public static FormatEvaluation run(FormatNetwork network, Dataset data, Preprocessing pre, boolean withFloat,
      ProgressListener progress) {
    FloatExecutor exec = FloatExecutor.of(network.model());
    int classes = network.model().output().shape().size();
    int hitsFloat = 0;
    int hitsFormat = 0;
    int same = 0;
    try (ProgressListener.Task t = progress.start("evaluation: " + network.choice().label(), data.size(),
        "images")) {
      for (int from = 0; from < data.size(); from += FormatNetwork.BATCH) {
        int n = Math.min(FormatNetwork.BATCH, data.size() - from);
        float[] x = FloatInputs.of(data, pre, from, n);
        float[] yq = network.run(x, n);
        float[] yf = withFloat ? exec.run(x, n) : null;
        for (int i = 0; i < n; i++) {
          int label = data.label(from + i);
          int q = Predictions.top1(yq, i * classes, classes);
          hitsFormat += q == label ? 1 : 0;
          if (yf != null) {
            int f = Predictions.top1(yf, i * classes, classes);
            hitsFloat += f == label ? 1 : 0;
            same += f == q ? 1 : 0;
          }
        }
        t.advance(n);
      }
    }
    int m = data.size();
    return new FormatEvaluation(m, withFloat ? (double) hitsFloat / m : Double.NaN, (double) hitsFormat / m,
        withFloat ? (double) same / m : Double.NaN);
  }
}
