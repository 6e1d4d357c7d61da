package org.axdse.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.model.FloatExecutor;
import org.axdse.simulator.model.Layer;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.Preprocessing;
import org.axdse.simulator.quant.QuantMode;
import org.axdse.simulator.quant.QuantParams;
import org.axdse.simulator.quant.QuantizedModel;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The exact integer engine follows the float model tensor by tensor: every layer kind, both schemes, per-tensor
 * and per-channel weights. A wrong layout, zero point or requantization would put a tensor's error at the size of
 * its values; correct 8-bit arithmetic keeps the mean error within a few quantization steps.
 */
class EngineFloatAgreementTest {
  static final int IMAGES = 48;

  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"cnn,SYMMETRIC,false", "cnn,ASYMMETRIC,false", "cnn,SYMMETRIC,true", "cnn,ASYMMETRIC,true",
      "lstm,SYMMETRIC,false", "lstm,ASYMMETRIC,true", "gru-lbr,SYMMETRIC,true", "gru,ASYMMETRIC,false"})
  void everyTensorStaysCloseToFloat(String net, QuantMode mode, boolean perChannel) {
    TinyNets t = new TinyNets(7);
    Model m = switch (net) {
      case "cnn" -> t.cnn(dir);
      case "lstm" -> t.lstm(dir);
      case "gru" -> t.gru(dir, false);
      default -> t.gru(dir, true);
    };
    int classes = net.equals("cnn") ? 5 : 3;
    Dataset data = t.images(m, IMAGES, classes);
    QuantizedModel q = TinyNets.quantize(m, data, TinyNets.config(mode, perChannel, 8), classes);
    Map<String, float[]> reference = floatTensors(m, q.preprocessing(), data);
    Map<String, Double> worst = new HashMap<>();
    try (SimulationSession s = TinyNets.session(m, q, data, MultiplierCatalog.builtin(), 2)) {
      int[] all = java.util.stream.IntStream.range(0, IMAGES).toArray();
      Map<String, Integer> seen = new HashMap<>();
      s.trace(Assignment.allExact(), all, (tensor, codes, batch, per, cm) -> {
        float[] ref = reference.get(tensor);
        QuantParams p = q.tensor(tensor);
        int first = seen.merge(tensor, batch, Integer::sum) - batch;
        int rest = per / (cm ? shapeDim0(m, tensor) : 1);
        double err = 0;
        double largest = 1e-9;
        for (int b = 0; b < batch; b++) {
          for (int i = 0; i < per; i++) {
            int idx = cm ? ((i / rest) * batch + b) * rest + i % rest : b * per + i;
            int code = p.signed() ? codes[idx] : codes[idx] & 0xFF;
            float f = fusedClip(m, q, tensor, ref[(first + b) * per + i]);
            err += Math.abs(p.dequantize(code) - f);
            largest = Math.max(largest, Math.abs(f));
          }
        }
        double meanErr = err / (batch * per);
        worst.merge(tensor, meanErr / p.scale(), Math::max);
        assertTrue(meanErr <= 4 * p.scale() + 0.03 * largest, net + " " + mode + ": tensor " + tensor
            + " mean error " + meanErr + " with scale " + p.scale() + " and values up to " + largest);
      });
      assertFalse(worst.isEmpty());
    }
  }

  static int shapeDim0(Model m, String tensor) {
    if (m.input().name().equals(tensor)) {
      return m.input().shape().dim(0);
    }
    for (Layer l : m.layers()) {
      if (l.output().name().equals(tensor)) {
        return l.output().shape().dim(0);
      }
    }
    throw new IllegalArgumentException(tensor);
  }

  /**
   * A tensor whose only reader is a Clip with the same parameters holds the clipped values (the clip is fused into
   * the producer's requantization), so it is compared with the clipped float value.
   */
  static float fusedClip(Model m, QuantizedModel q, String tensor, float f) {
    java.util.List<Layer> readers = m.layers().stream()
        .filter(l -> l.inputs().stream().anyMatch(t -> t.name().equals(tensor))).toList();
    if (readers.size() == 1 && readers.get(0) instanceof org.axdse.simulator.model.ClipLayer c
        && q.tensor(c.output().name()).equals(q.tensor(tensor))) {
      return Math.min(Math.max(f, c.min()), c.max());
    }
    return f;
  }

  static Map<String, float[]> floatTensors(Model m, Preprocessing pre, Dataset data) {
    int per = m.input().shape().size();
    float[] x = new float[data.size() * per];
    byte[] px = new byte[data.size() * per];
    for (int i = 0; i < data.size(); i++) {
      data.copyImage(i, px, i * per);
    }
    for (int i = 0; i < data.size(); i++) {
      pre.apply(px, i * per, x, i * per);
    }
    Map<String, float[]> out = new HashMap<>();
    out.put(m.input().name(), x);
    FloatExecutor.of(m).run(x, data.size(), (layer, ins, o, batch) -> out.put(layer.output().name(), o.clone()));
    return out;
  }
}
