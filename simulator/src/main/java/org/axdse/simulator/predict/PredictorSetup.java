package org.axdse.simulator.predict;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.multipliers.util.ProgressListener;
import org.axdse.simulator.cache.ResultCache;
import org.axdse.simulator.compensation.CompensationCache;
import org.axdse.simulator.compensation.CompensationMethod;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.engine.SessionOptions;
import org.axdse.simulator.engine.SetupPhase;
import org.axdse.simulator.engine.SimulationSession;
import org.axdse.simulator.errormodel.ErrorModel;
import org.axdse.simulator.kernels.KernelMode;
import org.axdse.simulator.kernels.Kernels;
import org.axdse.simulator.model.ApproximableLayer;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.quant.QuantizedModel;

/**
 * Builds an {@link AccuracyPredictor} for one quantized model: the error model from an exact run over the
 * calibration images, the {@link Sensitivity} measured (or read from the result cache) on the first
 * {@code sensitivityImages} of them, and the compensation caches opened on first use. The map is still empty:
 * add simulated points ({@link FitPoints}).
 */
public final class PredictorSetup {
  private PredictorSetup() {}

  /** Refuses, before any long work, a model with a layer the predictor cannot describe (LSTM, GRU). */
  public static void check(String file, Model model) {
    for (ApproximableLayer l : model.approximableLayers()) {
      if (!ErrorModel.describable(l)) {
        throw new BadInputException(file + ": layer '" + l.name() + "' (" + l.kind() + "): predict describes "
            + "convolution and dense layers only");
      }
    }
  }

  public static AccuracyPredictor open(Model model, QuantizedModel quant, MultiplierCatalog catalog,
      Dataset calibration, int sensitivityImages, int threads, String modelSha256, ResultCache cache, long seed,
      ProgressListener progress, Consumer<SetupPhase> phases) {
    ErrorModel errors;
    SetupPhase.Clock clock = SetupPhase.start();
    try (Kernels k = Kernels.create(threads, KernelMode.fromSystemProperty())) {
      errors = ErrorModel.open(model, quant, catalog, calibration, k);
    }
    phases.accept(clock.stop("error model", "computed"));
    Sensitivity sensitivity;
    SessionOptions plain = SessionOptions.defaults().withThreads(threads).withFloatReference(false)
        .withLayerStatistics(false);
    Dataset images = calibration.limit(Math.min(sensitivityImages, calibration.size()));
    try (SimulationSession s = SimulationSession.open(model, quant, images, catalog, plain)) {
      sensitivity = SensitivityMeasurement.cached(cache, s, modelSha256, seed, progress, phases);
    }
    Map<CompensationMethod, CompensationCache> caches = new ConcurrentHashMap<>();
    return new AccuracyPredictor(errors, sensitivity, method -> caches.computeIfAbsent(method, m -> {
      try (Kernels k = Kernels.create(threads, KernelMode.fromSystemProperty())) {
        return CompensationCache.open(model, quant, catalog, calibration, m, k);
      }
    }));
  }
}
