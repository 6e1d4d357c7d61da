package org.axdse.simulator.engine;

import org.axdse.multipliers.util.ProgressListener;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.model.FloatExecutor;
import org.axdse.simulator.model.FloatInputs;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.Preprocessing;

/** The float model's predictions over a whole image set: the session's float reference pass. */
final class FloatReference {
  private FloatReference() {}

  static ReferenceResults run(Model model, Preprocessing pre, Dataset eval, int classes, int topK,
      ProgressListener progress) {
    FloatExecutor ex = FloatExecutor.of(model);
    ReferenceResults r = new ReferenceResults(eval.size());
    int batch = 100;
    try (ProgressListener.Task t = progress.start("session: float reference", eval.size(), "images")) {
      for (int from = 0; from < eval.size(); from += batch) {
        int n = Math.min(batch, eval.size() - from);
        float[] x = FloatInputs.of(eval, pre, from, n);
        float[] y = ex.run(x, n);
        int outPer = y.length / n;
        for (int j = 0; j < n; j++) {
          int label = eval.label(from + j);
          r.top1[from + j] = Predictions.top1(y, j * outPer, classes);
          r.topK[from + j] = topK > 0 && Predictions.inTopK(y, j * outPer, classes, label, topK);
        }
        t.advance(n);
      }
    }
    return r;
  }
}
