package org.axdse.simulator.compensation;

import java.util.ArrayList;
import java.util.List;
import org.axdse.simulator.model.ConvLayer;
import org.axdse.simulator.model.DenseLayer;
import org.axdse.simulator.model.Layer;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.quant.LayerQuantization;
import org.axdse.simulator.quant.QuantizedModel;
import org.axdse.simulator.quant.QuantizedWeights;

/**
 * A compensated quantization carried back into a float model, for {@code axdse compensate --out M2.onnx}: every
 * compensated layer's weights become its dequantized (tuned) codes, {@code (code - zp) * scale}, and its biases the
 * adjusted int32 biases times their scale {@code s_in * s_w}; every other layer keeps its float weights. Quantizing
 * the result with the same parameters gives back the compensated codes and biases; a fresh calibration of it
 * may choose slightly different parameters, since the compensated layers' outputs moved.
 */
public final class CompensatedWeights {
  private CompensatedWeights() {}

  /** {@code model} with the layers {@code compensation} lists set from {@code compensated}. */
  public static Model toFloat(Model model, QuantizedModel compensated, Compensation compensation) {
    List<Layer> layers = new ArrayList<>(model.layers());
    for (LayerCompensation c : compensation.layers()) {
      LayerQuantization q = compensated.layer(c.index());
      Layer l = model.layer(c.name());
      float[] w = dequantized(q.weights());
      float[] b = biases(q);
      Layer replaced = switch (l) {
        case ConvLayer cv -> new ConvLayer(cv.name(), cv.ports(), cv.inC(), cv.outC(), cv.window(), cv.groups(), w,
            b);
        case DenseLayer d -> new DenseLayer(d.name(), d.ports(), d.inFeatures(), d.outFeatures(), w, b);
        default -> throw new IllegalArgumentException(l.name() + ": only convolution and dense layers");
      };
      layers.set(layers.indexOf(l), replaced);
    }
    return new Model(model.name(), model.input(), model.output(), layers);
  }

  private static float[] dequantized(QuantizedWeights q) {
    float[] w = new float[q.codes().length];
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) q.dequantize(i);
    }
    return w;
  }

  private static float[] biases(LayerQuantization q) {
    int[] bias = q.bias();
    float[] b = new float[bias.length];
    int per = q.weights().codes().length / bias.length;
    for (int n = 0; n < b.length; n++) {
      b[n] = (float) (bias[n] * q.input().scale() * q.weights().paramsOf(n * per).scale());
    }
    return b;
  }
}
