package org.axdse.simulator.precision;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.model.ApproximableLayer;
import org.axdse.simulator.model.ConvLayer;
import org.axdse.simulator.model.DenseLayer;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.Preprocessing;
import org.axdse.simulator.quant.LayerQuantization;
import org.axdse.simulator.quant.ModelQuantizer;
import org.axdse.simulator.quant.QuantParams;
import org.axdse.simulator.quant.QuantizedWeights;
import org.axdse.simulator.quant.WeightRounding;

/**
 * {@link Gptq} rounding of the convolution and dense layers of a model at narrow widths, under the input moments
 * of calibration images ({@link InputMoments}; every output channel of a group shares its H). The grid of each row
 * (scale, zero point, range) is min/max quantization's, so biases and requantization multipliers do not change;
 * a row keeps its nearest codes unless the GPTQ codes have a strictly smaller output error {@code dw^T H dw}, so
 * no row's error under H exceeds nearest rounding's. LSTM and GRU layers keep nearest rounding. Each factor of H is
 * computed once per (layer, group); thread-safe and deterministic.
 */
public final class GptqRounding implements WeightRounding {
  public static final String LABEL = "gptq";
  private final Model model;
  private final Map<Integer, InputMoments.LayerMoments> moments;
  private final double damp;
  private final Map<Long, Gptq.Factor> factors = new ConcurrentHashMap<>();

  public GptqRounding(Model model, Map<Integer, InputMoments.LayerMoments> moments, double damp) {
    this.model = model;
    this.moments = Map.copyOf(moments);
    this.damp = damp;
  }

  /** GPTQ with the default damping under the moments of {@code calibration} (float model, preprocessed). */
  public static GptqRounding fit(Model model, Preprocessing pre, Dataset calibration) {
    return new GptqRounding(model, InputMoments.of(model, pre, calibration), Gptq.DAMP);
  }

  @Override
  public String label() {
    return LABEL;
  }

  @Override
  public LayerQuantization round(int index, LayerQuantization nearest) {
    ApproximableLayer layer = model.approximableLayers().get(index);
    InputMoments.LayerMoments m = moments.get(index);
    if (m == null || nearest.isRecurrent()) {
      return nearest;
    }
    float[] w;
    int rows;
    if (layer instanceof ConvLayer c) {
      w = c.weights();
      rows = c.outC();
    } else {
      DenseLayer d = (DenseLayer) layer;
      w = d.weights();
      rows = d.outFeatures();
    }
    QuantizedWeights q = nearest.weights();
    int per = w.length / rows;
    int rowsPerGroup = rows / m.groups();
    int[] codes = q.codes();
    for (int r = 0; r < rows; r++) {
      int g = r / rowsPerGroup;
      Gptq.Factor f = factors.computeIfAbsent((long) index << 20 | g, x -> Gptq.factor(m.second()[g], damp));
      if (f == null) {
        continue;
      }
      QuantParams p = q.paramsOf(r * per);
      int[] gptq = Gptq.round(w, r * per, per, p, f);
      int[] near = java.util.Arrays.copyOfRange(codes, r * per, (r + 1) * per);
      if (Gptq.error(w, r * per, gptq, p, m.second()[g]) < Gptq.error(w, r * per, near, p, m.second()[g])) {
        System.arraycopy(gptq, 0, codes, r * per, per);
      }
    }
    QuantizedWeights rounded = new QuantizedWeights(codes, q.params());
    int bits = q.params().get(0).bits();
    return new LayerQuantization(nearest.name(), nearest.input(), nearest.output(), rounded, null, nearest.bias(),
        nearest.requant(), nearest.activationCounts(), ModelQuantizer.weightCounts(bits, rounded));
  }
}
