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

  /** Logits {@code [n][classes]} for {@code n} preprocessed inputs of per-sample shape {@code sample}. */
  float[][] logits(float[] inputs, int n, long[] sample) throws OrtException {
    long[] shape = new long[sample.length + 1];
    shape[0] = n;
    System.arraycopy(sample, 0, shape, 1, sample.length);
    try (OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(inputs), shape);
        OrtSession.Result r = session.run(Map.of("input", x))) {
      return (float[][]) r.get(0).getValue();
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
