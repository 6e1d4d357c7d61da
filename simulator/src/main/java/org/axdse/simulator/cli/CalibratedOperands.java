package org.axdse.simulator.cli;

import java.nio.file.Path;
import java.util.List;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.multipliers.util.ProgressListener;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.data.DatasetSpec;
import org.axdse.simulator.deploy.DeployJson;
import org.axdse.simulator.engine.LayerOperands;
import org.axdse.simulator.engine.SessionOptions;
import org.axdse.simulator.engine.SimulationSession;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.Preprocessing;
import org.axdse.simulator.predict.Sensitivity;
import org.axdse.simulator.predict.SensitivityMeasurement;
import org.axdse.simulator.quant.QuantConfig;
import org.axdse.simulator.quant.QuantizedModel;
import picocli.CommandLine;

/**
 * For commands outside this package that need a model's per-layer operand distributions (such as {@code axdse
 * evolve}): the calibration the shared {@link QuantizationOptions} describe, through the result cache, reduced to
 * each approximable layer's {@link LayerOperands}.
 */
public final class CalibratedOperands {
  private CalibratedOperands() {}

  /** A one-line error naming the flags when {@code options} hold a value they do not accept. */
  public static void check(QuantizationOptions options) {
    options.check();
    if (!options.widths().single()) {
      throw new BadInputException("--weight-bits: give one width (a circuit is evolved for one format)");
    }
  }

  /**
   * A one-line error when {@code --split} or {@code --limit} was given to {@code command}, which evaluates no
   * images: the layers' distributions come from the calibration images alone.
   */
  public static void refuseEvaluationFlags(CommandLine cl, String command) {
    for (String flag : new String[] {"--split", "--limit"}) {
      if (cl.getParseResult().hasMatchedOption(flag)) {
        throw new BadInputException(flag + ": " + command + " evaluates no images (the layers' operand "
            + "distributions come from the --calib images)");
      }
    }
  }

  /** The multiplier catalog of {@code options} (built-in plus {@code --library} directories). */
  public static MultiplierCatalog catalog(QuantizationOptions options) {
    return options.catalog();
  }

  /** The integer format of the layers' multipliers ({@code --quant}, {@code --weight-bits}). */
  public static MultiplierFormat format(QuantizationOptions options) {
    QuantConfig c = options.config();
    return c.mode().format(c.weightBits());
  }

  /** Where progress goes, as {@code -q} and {@code --progress-every} say. */
  public static ProgressListener progress(QuantizationOptions options) {
    return options.progress();
  }

  /** Threads of {@code --threads}. */
  public static int threads(QuantizationOptions options) {
    return options.threads();
  }

  /** The directories of {@code --library}, in order. */
  public static List<Path> libraries(QuantizationOptions options) {
    return List.copyOf(options.library);
  }

  /** The calibration images of {@code data} ({@code --calib}, {@code --calib-data}), as evaluate draws them. */
  public static Dataset calibrationSet(QuantizationOptions options, String data) {
    return options.calibrationSet(DatasetSpec.parse(data));
  }

  /**
   * The images evaluate would evaluate ({@code --split}, {@code --limit}, without held-out calibration images),
   * their labels checked against {@code model}'s outputs.
   */
  public static Dataset evaluationSet(QuantizationOptions options, String data, Model model) {
    return options.evaluationSet(DatasetSpec.parse(data), model);
  }

  /** A session of {@code --threads} threads that measures accuracy and energy only. */
  public static SimulationSession session(QuantizationOptions options, Model model, QuantizedModel q,
      Dataset images) {
    return SimulationSession.open(model, q, images, options.catalog(), options.plainSession());
  }

  /** Calibrates {@code model} on the calibration images of {@code data} and returns every layer's operands. */
  public static List<LayerOperands> of(QuantizationOptions options, Path modelFile, Model model, Preprocessing pre,
      String data) {
    return LayerOperands.of(model, quantize(options, modelFile, model, pre, data));
  }

  /** {@code model} quantized and calibrated on the calibration images of {@code data}, as evaluate does it. */
  public static QuantizedModel quantize(QuantizationOptions options, Path modelFile, Model model,
      Preprocessing pre, String data) {
    return options.calibrate(modelFile, model, pre, options.calibrationSet(DatasetSpec.parse(data)));
  }

  /**
   * The accuracy predictor's per-layer sensitivity of {@code q}, measured as {@code predict} measures it (the
   * first {@code images} calibration images, {@code seed}) or read from the result cache, keyed by the model
   * file's hash.
   */
  public static Sensitivity sensitivity(QuantizationOptions options, Path modelFile, Model model, QuantizedModel q,
      String data, int images, long seed) {
    Dataset calib = options.calibrationSet(DatasetSpec.parse(data));
    SessionOptions plain = SessionOptions.defaults().withThreads(options.threads()).withFloatReference(false)
        .withLayerStatistics(false);
    try (SimulationSession s = SimulationSession.open(model, q, calib.limit(Math.min(images, calib.size())),
        options.catalog(), plain)) {
      return SensitivityMeasurement.cached(options.cache(), s, DeployJson.sha256(modelFile), seed,
          options.progress(), phase -> {});
    }
  }
}
