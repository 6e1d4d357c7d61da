package org.axdse.simulator.onnx;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoopTranslator;
import java.nio.FloatBuffer;
import java.nio.file.Path;

/** Runs an ONNX file in ONNX Runtime through DJL's OnnxRuntime engine: the independent oracle for the float path. */
final class OrtOracle {
  private OrtOracle() {}

  /** The first output, flattened, for input {@code x} of ONNX shape {@code shape}. */
  static float[] run(Path onnx, String inputName, float[] x, long... shape) {
    try (Model model = Model.newInstance("oracle", Device.cpu(), "OnnxRuntime")) {
      model.load(onnx);
      try (Predictor<NDList, NDList> predictor = model.newPredictor(new NoopTranslator());
          NDManager manager = model.getNDManager().newSubManager()) {
        NDArray in = manager.create(FloatBuffer.wrap(x), new Shape(shape));
        in.setName(inputName);
        NDList out = predictor.predict(new NDList(in));
        return out.get(0).toFloatArray();
      }
    } catch (Exception e) {
      throw new IllegalStateException("ONNX Runtime failed on " + onnx + ": " + e.getMessage(), e);
    }
  }

  /** Largest |a - b| / max(1, |b|) over all elements; fails on a length mismatch. */
  static double worstRelative(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new AssertionError("lengths differ: " + a.length + " vs " + b.length);
    }
    double worst = 0;
    for (int i = 0; i < a.length; i++) {
      double d = Math.abs(a[i] - b[i]) / Math.max(1.0, Math.abs(b[i]));
      worst = Double.isNaN(d) ? Double.POSITIVE_INFINITY : Math.max(worst, d);
    }
    return worst;
  }
}
