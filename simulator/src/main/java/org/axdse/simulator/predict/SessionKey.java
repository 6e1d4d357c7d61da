package org.axdse.simulator.predict;

import org.axdse.simulator.cache.CacheKey;
import org.axdse.simulator.engine.SimulationSession;
import org.axdse.simulator.quant.LayerQuantization;
import org.axdse.simulator.quant.QuantizedModel;

/**
 * The start of a cache key for a result computed on one session: the model file's SHA-256, the quantization
 * (its JSON, every layer's weight codes and int32 biases), and the session's images and labels in order.
 */
final class SessionKey {
  private SessionKey() {}

  static CacheKey.Builder of(String kind, SimulationSession session, String modelSha256) {
    QuantizedModel q = session.quantization();
    CacheKey.Builder b = CacheKey.builder(kind).add(modelSha256).add(q.toJson().toString());
    for (LayerQuantization l : q.layers()) {
      b.add(l.weights().codes()).add(l.bias());
    }
    var data = session.evalSet();
    byte[] image = new byte[data.imageBytes()];
    for (int i = 0; i < data.size(); i++) {
      data.copyImage(i, image, 0);
      b.add(image);
    }
    return b.add(data.labels());
  }
}
