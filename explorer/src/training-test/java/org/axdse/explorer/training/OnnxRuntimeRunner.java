package org.axdse.explorer.training;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.Map;

/** Runs an ONNX model with ONNX Runtime (the independent reference for the export). */
final class OnnxRuntimeRunner implements AutoCloseable {
  private final OrtEnvironment env = OrtEnvironment.getEnvironment();
  private final OrtSession session;

  OnnxRuntimeRunner(byte[] model) throws OrtException {
    OrtSession.SessionOptions options = new OrtSession.SessionOptions();
    options.setIntraOpNumThreads(1);
    this.session = env.createSession(model, options);
  }

  /** Logits {@code [n][classes]} for {@code n} preprocessed {@code 1x28x28} inputs. */
  float[][] logits(float[] inputs, int n) throws OrtException {
    try (OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(inputs), new long[] {n, 1, 28, 28});
        OrtSession.Result r = session.run(Map.of("input", x))) {
      return (float[][]) r.get("logits").orElseThrow().getValue();
    }
  }

  static double maxAbsDiff(float[][] a, float[][] b) {
    double max = 0;
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a[i].length; j++) {
        max = Math.max(max, Math.abs(a[i][j] - b[i][j]));
      }
    }
    return max;
  }

  @Override
  public void close() throws OrtException {
    session.close();
  }
}
