package org.axdse.simulator.engine;

import org.axdse.simulator.cache.CacheKey;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.model.Preprocessing;
import org.axdse.simulator.quant.LayerQuantization;
import org.axdse.simulator.quant.QuantizedModel;

/**
 * The cache keys of a session's reference passes. Both hash the model file's identity (its SHA-256, given by the
 * caller), the images in evaluation order with their labels, and the top-k setting; the float key adds the
 * preprocessing, the exact key the whole quantization: its JSON (configuration and calibration result) and every
 * layer's weight codes and int32 biases (a compensated variant has other codes under the same JSON).
 */
final class ReferenceKeys {
  private ReferenceKeys() {}

  static CacheKey exact(String modelKey, QuantizedModel q, byte[] inputCodes, int[] labels, int topK) {
    CacheKey.Builder b = CacheKey.builder("exact").add(modelKey).add(q.toJson().toString());
    for (LayerQuantization l : q.layers()) {
      b.add(l.weights().codes()).add(l.bias());
      if (l.recurrent() != null) {
        b.add(l.recurrent().codes());
      }
    }
    return b.add(inputCodes).add(labels).add(topK).build();
  }

  static CacheKey floating(String modelKey, Preprocessing pre, Dataset eval, int topK) {
    CacheKey.Builder b = CacheKey.builder("float").add(modelKey).add(pre.toJson()).add(eval.size());
    byte[] image = new byte[eval.imageBytes()];
    for (int i = 0; i < eval.size(); i++) {
      eval.copyImage(i, image, 0);
      b.add(image);
    }
    return b.add(eval.labels()).add(topK).build();
  }
}
