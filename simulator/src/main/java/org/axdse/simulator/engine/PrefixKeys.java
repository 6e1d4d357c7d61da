package org.axdse.simulator.engine;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axdse.simulator.cache.CacheKey;
import org.axdse.simulator.quant.LayerQuantization;
import org.axdse.simulator.quant.QuantParams;
import org.axdse.simulator.quant.QuantizedModel;
import org.axdse.simulator.quant.QuantizedWeights;

/**
 * The keys of the {@link PrefixCache} entries of one evaluation: key j names the state at cut j (before
 * approximable layer j). Key 0 hashes what every layer depends on: the image indices in evaluation order, the
 * batch size and the parameters of every tensor of the quantization in use; key j+1 is key j chained with
 * approximable layer j: its multiplier of every output channel (which fixes its tables and width) and its whole
 * integer form (weight codes and parameters, recurrent weights, int32 biases, requantization multipliers,
 * activation parameters), so a compensated or narrower variant of a layer never shares a key with another.
 */
final class PrefixKeys {
  private PrefixKeys() {}

  static CacheKey[] of(QuantizedModel quant, List<ResolvedLayer> resolved, int[] indices, int batch) {
    CacheKey[] keys = new CacheKey[resolved.size()];
    CacheKey.Builder b = CacheKey.builder("prefix").add(indices).add(batch);
    for (Map.Entry<String, QuantParams> t : new TreeMap<>(quant.tensors()).entrySet()) {
      b.add(t.getKey()).add(String.valueOf(t.getValue()));
    }
    keys[0] = b.build();
    for (int j = 1; j < keys.length; j++) {
      keys[j] = layer(CacheKey.builder("prefix").add(keys[j - 1].hex()), quant.layer(j - 1),
          resolved.get(j - 1)).build();
    }
    return keys;
  }

  private static CacheKey.Builder layer(CacheKey.Builder b, LayerQuantization l, ResolvedLayer r) {
    b.add(l.name()).add(r.multipliers().size());
    for (String m : r.multipliers()) {
      b.add(m);
    }
    b.add(String.valueOf(l.input())).add(String.valueOf(l.output()));
    weights(b, l.weights());
    if (l.recurrent() != null) {
      weights(b.add("recurrent"), l.recurrent());
    }
    return b.add(l.bias()).add(String.valueOf(l.requant()));
  }

  private static void weights(CacheKey.Builder b, QuantizedWeights w) {
    b.add(w.codes()).add(String.valueOf(w.params()));
  }
}
