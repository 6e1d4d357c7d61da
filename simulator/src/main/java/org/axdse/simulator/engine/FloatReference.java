package org.axdse.simulator.engine;

import org.axdse.multipliers.util.ProgressListener;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.model.FloatExecutor;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.Preprocessing;

/** The float model's predictions over a whole image set: the session's float reference pass. */
final class FloatReference {
  private FloatReference() {}

  static ReferenceResults run(Model model, Preprocessing pre, Dataset eval, int classes, int topK,
      ProgressListener progress) {
    FloatExecutor ex = FloatExecutor.of(model);
    ReferenceResults r = new ReferenceResults(eval.size());
    int per = eval.imageBytes();
    int batch = 100;
    byte[] pixels = new byte[batch * per];
    try (ProgressListener.Task t = progress.start("session: float reference", eval.size(), "images")) {
      for (int from = 0; from < eval.size(); from += batch) {
        int n = Math.min(batch, eval.size() - from);
        float[] x = new float[n * per];
        for (int j = 0; j < n; j++) {
          eval.copyImage(from + j, pixels, j * per);
          pre.apply(pixels, j * per, x, j * per);
        }
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
