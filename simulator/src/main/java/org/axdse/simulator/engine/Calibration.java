package org.axdse.simulator.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axdse.multipliers.util.ProgressListener;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.kernels.Kernels;
import org.axdse.simulator.model.ApproximableLayer;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.Preprocessing;
import org.axdse.simulator.quant.LayerQuantization;
import org.axdse.simulator.quant.ModelQuantizer;
import org.axdse.simulator.quant.QuantConfig;
import org.axdse.simulator.quant.QuantizedModel;

/**
 * The whole post-training quantization: {@link ModelQuantizer} on the calibration images (float ranges, weights,
 * biases, multipliers), then one exact integer run over the same images to count the activation codes each
 * approximable layer's multipliers see (the codes of its input tensor; for LSTM and GRU also of its output, the
 * recurrent operand). Padding taps are not counted. Deterministic for a given model, images and configuration.
 */
public final class Calibration {
  static final int BATCH = 50;

  private Calibration() {}

  public static QuantizedModel run(Model model, Preprocessing pre, Dataset calibration, QuantConfig config,
      Kernels kernels) {
    return run(model, pre, calibration, config, kernels, ProgressListener.NONE);
  }

  /** As {@link #run(Model, Preprocessing, Dataset, QuantConfig, Kernels)}, reporting its two passes. */
  public static QuantizedModel run(Model model, Preprocessing pre, Dataset calibration, QuantConfig config,
      Kernels kernels, ProgressListener progress) {
    QuantizedModel q;
    try (ProgressListener.Task t = progress.start("calibration: float ranges", 1, "pass")) {
      q = ModelQuantizer.quantize(model, pre, calibration, config);
      t.advance(1);
    }
    IntegerEngine engine = new IntegerEngine(model, q, kernels, BATCH);
    byte[] codes = InputCodes.of(calibration, pre, q.tensor(model.input().name()));
    List<ApproximableLayer> layers = model.approximableLayers();
    long[][] counts = new long[layers.size()][256];
    Map<String, List<Integer>> readers = new HashMap<>();
    for (int i = 0; i < layers.size(); i++) {
      readers.computeIfAbsent(layers.get(i).input().name(), k -> new ArrayList<>()).add(i);
      if (q.layer(i).isRecurrent()) {
        readers.computeIfAbsent(layers.get(i).output().name(), k -> new ArrayList<>()).add(i);
      }
    }
    TensorTap tap = (tensor, data, batch, per, cm) -> {
      List<Integer> who = readers.get(tensor);
      if (who == null) {
        return;
      }
      long[] h = new long[256];
      for (int i = 0, n = batch * per; i < n; i++) {
        h[data[i] & 0xFF]++;
      }
      for (int layer : who) {
        for (int c = 0; c < 256; c++) {
          counts[layer][c] += h[c];
        }
      }
    };
    int per = model.input().shape().size();
    try (ProgressListener.Task t = progress.start("calibration: operand counts", calibration.size(), "images")) {
      for (int from = 0; from < calibration.size(); from += BATCH) {
        int n = Math.min(BATCH, calibration.size() - from);
        engine.runExact(codes, from * per, n, tap);
        t.advance(n);
      }
    }
    List<LayerQuantization> filled = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      filled.add(q.layer(i).withCounts(counts[i], q.layer(i).weightCounts()));
    }
    return q.withLayers(filled);
  }
}
