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
    return CachedPhase.get("calibration", modelSha256 == null ? ResultCache.off() : cache,
        () -> key(modelSha256, pre, calibration, config), body -> decode(body, model, pre, config),
        () -> Calibration.run(model, pre, calibration, config, kernels, progress),
        q -> q.toJson().toString().getBytes(StandardCharsets.UTF_8), phase);
  }

  private static QuantizedModel decode(byte[] body, Model model, Preprocessing pre, QuantConfig config) {
    QuantizedModel q;
    try {
      q = QuantizedModel.fromJson(JSON.readTree(body), model, pre);
    } catch (IOException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    if (!q.config().equals(config)) {
      throw new IllegalArgumentException("another configuration");
    }
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
