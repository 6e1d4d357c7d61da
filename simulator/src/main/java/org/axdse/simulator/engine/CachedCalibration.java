package org.axdse.simulator.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.axdse.multipliers.util.ProgressListener;
import org.axdse.simulator.cache.CacheKey;
import org.axdse.simulator.cache.ResultCache;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.kernels.Kernels;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.Preprocessing;
import org.axdse.simulator.quant.QuantConfig;
import org.axdse.simulator.quant.QuantizedModel;

/**
 * {@link Calibration#run} through a {@link ResultCache}: the result is stored as {@link QuantizedModel#toJson} and
 * rebuilt with {@link QuantizedModel#fromJson}, which gives an equal model that evaluates bit-identically. The key
 * hashes the model file (its SHA-256), the preprocessing, the configuration and the calibration images' bytes.
 */
public final class CachedCalibration {
  private static final ObjectMapper JSON = new ObjectMapper();

  private CachedCalibration() {}

  /** The calibrated model, from {@code cache} when it holds a valid entry; reports the phase to {@code phase}. */
  public static QuantizedModel run(ResultCache cache, String modelSha256, Model model, Preprocessing pre,
      Dataset calibration, QuantConfig config, Kernels kernels, ProgressListener progress,
      Consumer<SetupPhase> phase) {
    SetupPhase.Clock clock = SetupPhase.start();
    CacheKey key = cache.enabled() && modelSha256 != null ? key(modelSha256, pre, calibration, config) : null;
    ResultCache.Lookup found = key == null ? null : cache.get(key);
    if (found != null && found.hit()) {
      try {
        QuantizedModel q = QuantizedModel.fromJson(JSON.readTree(found.body()), model, pre);
        if (q.config().equals(config)) {
          phase.accept(clock.stop("calibration", "cached"));
          return q;
        }
        found = new ResultCache.Lookup(null, "invalid (another configuration)");
      } catch (IOException | RuntimeException e) {
        found = new ResultCache.Lookup(null, "invalid (" + e.getMessage() + ")");
      }
    }
    QuantizedModel q = Calibration.run(model, pre, calibration, config, kernels, progress);
    if (key != null) {
      cache.put(key, q.toJson().toString().getBytes(StandardCharsets.UTF_8));
    }
    phase.accept(clock.stop("calibration",
        found == null || found.problem().equals("missing") ? "computed" : "recomputed: " + found.problem()));
    return q;
  }

  static CacheKey key(String modelSha256, Preprocessing pre, Dataset calibration, QuantConfig config) {
    CacheKey.Builder b = CacheKey.builder("calibration").add(modelSha256).add(pre.toJson()).add(config.toString())
        .add(calibration.size());
    byte[] image = new byte[calibration.imageBytes()];
    for (int i = 0; i < calibration.size(); i++) {
      calibration.copyImage(i, image, 0);
      b.add(image);
    }
    return b.build();
  }
}
