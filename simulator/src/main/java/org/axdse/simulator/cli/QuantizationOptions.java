package org.axdse.simulator.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.axdse.multipliers.cli.flags.ProgressOptions;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.multipliers.util.Bounds;
import org.axdse.multipliers.util.ProgressListener;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.assign.AssignmentJson;
import org.axdse.simulator.cache.ResultCache;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.data.DatasetSpec;
import org.axdse.simulator.data.ImageSelection;
import org.axdse.simulator.data.Split;
import org.axdse.simulator.deploy.DeployJson;
import org.axdse.simulator.deploy.RecordedQuantization;
import org.axdse.simulator.engine.AssignmentResolver;
import org.axdse.simulator.engine.CachedCalibration;
import org.axdse.simulator.engine.Calibration;
import org.axdse.simulator.engine.SessionOptions;
import org.axdse.simulator.engine.SetupPhase;
import org.axdse.simulator.engine.SimulationSession;
import org.axdse.simulator.engine.WidthSet;
import org.axdse.simulator.kernels.KernelMode;
import org.axdse.simulator.kernels.Kernels;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.Preprocessing;
import org.axdse.simulator.quant.CalibrationMethod;
import org.axdse.simulator.quant.QuantConfig;
import org.axdse.simulator.quant.QuantMode;
import org.axdse.simulator.quant.QuantizedModel;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options every command that quantizes a model and evaluates it shares (a picocli mixin): the evaluated
 * split and limit, the quantization scheme, the calibration, the multiplier library, the thread count and the
 * progress flags (calibration and sessions report to stderr).
 */
public final class QuantizationOptions {
  @Option(names = "--split", description = "evaluation split: test or train (default: ${DEFAULT-VALUE})")
  String split = "test";

  @Option(names = "--limit", paramLabel = "N", description = "evaluate only the first N images")
  Integer limit;

  @Option(names = "--quant", description = "sym (s8xN multipliers) or asym (u8xN) (default: ${DEFAULT-VALUE})")
  String quant = "sym";

  @Option(names = "--per-channel", description = "one weight scale (and zero point) per output channel")
  boolean perChannel;

  @Option(names = "--weight-bits", paramLabel = "N[,N...]", description = "weight bits, 2..8; several (e.g. 4,8): "
      + "each layer takes the width of its 8xN multiplier (default: ${DEFAULT-VALUE})")
  String weightBits = "8";

  @Option(names = "--calib", paramLabel = "N", description = "calibration images (for quantization, and for "
      + "compensation where it applies), drawn with seed 1 from the train split (default: ${DEFAULT-VALUE})")
  int calib = QuantConfig.DEFAULT_CALIBRATION_IMAGES;

  @Option(names = "--calib-data", paramLabel = "SPEC|holdout",
      description = "Calibration source: a data set whose train split is used, or holdout (test images kept out "
          + "of the evaluation). Default: the train split of --data.")
  String calibData;

  @Option(names = "--calib-method", description = "activation ranges: minmax, percentile (99.99) or mse "
      + "(default: ${DEFAULT-VALUE})")
  String calibMethod = "percentile";

  @Option(names = "--recalibrate", description = "calibrate afresh even when the model has a recorded "
      + "quantization beside it (M.quantization.json, written by retraining and compensate --out)")
  boolean recalibrate;

  @Option(names = "--library", paramLabel = "DIR", description = "extra multiplier directory (repeatable)")
  List<Path> library = List.of();

  @Option(names = "--threads", description = "threads (default: all cores)")
  int threads = Runtime.getRuntime().availableProcessors();

  @Mixin ProgressOptions progress;

  /** Appended to the model file's hash in result-cache keys when the model is changed in memory (sharing). */
  String modelVariant = "";
  private final List<SetupPhase> phases = new ArrayList<>();
  private final ResultCache cache = ResultCache.fromEnvironment();

  /** A one-line error naming the flag, the value and what is accepted, for any value the options do not take. */
  void check() {
    Bounds.threads("--threads", threads);
    Bounds.images("--calib", calib, 1);
    if (limit != null) {
      Bounds.images("--limit", limit, 1);
    }
    if (QuantMode.parse(quant) == null) {
      throw new BadInputException("--quant must be sym or asym, not '" + quant + "'");
    }
    if (CalibrationMethod.parse(calibMethod) == null) {
      throw new BadInputException("--calib-method must be minmax, percentile or mse, not '" + calibMethod + "'");
    }
    if (!split.equals("test") && !split.equals("train")) {
      throw new BadInputException("--split must be test or train, not '" + split + "'");
    }
    widths();
    ImageSelection.calibrationSpec(calibData, null); // an unparsable --calib-data fails before any loading
  }

  /** The widths of {@code --weight-bits} (one-line error naming the flag when malformed). */
  WidthSet widths() {
    return WidthSet.parse(weightBits, "--weight-bits");
  }

  String split() {
    return split;
  }

  int calibrationImages() {
    return calib;
  }

  int threads() {
    return threads;
  }

  /**
   * The evaluated images: the chosen split, without the {@code --calib} images {@code --calib-data holdout}
   * holds out of it (as {@code axdse search} does, {@link ImageSelection}), cut to {@code --limit}.
   */
  Dataset evaluationSet(DatasetSpec data) {
    Dataset set = ImageSelection.evaluation(calibData, loadSplit(data), split, calib);
    return limit == null ? set : set.limit(limit);
  }

  private Dataset loadSplit(DatasetSpec data) {
    return data.load(split.equals("test") ? Split.TEST : Split.TRAIN);
  }

  /** {@code ", N held out for calibration"} with {@code --calib-data holdout}, else empty. */
  String heldOutNote() {
    return ImageSelection.isHoldout(calibData) ? ", " + calib + " held out for calibration" : "";
  }

  /**
   * A one-line error naming {@code --calib-data} when it was given for a run whose calibration is recorded in
   * {@code config} (a deploy.json or compensation file).
   */
  void refuseCalibData(Path config) {
    if (calibData != null && !calibData.isBlank()) {
      throw new BadInputException("--calib-data " + calibData.strip() + ": " + config + " records its own "
          + "quantization and evaluated images; drop --calib-data");
    }
  }

  /**
   * {@link #evaluationSet(DatasetSpec)} for {@code model}, its labels checked against the model's outputs before
   * any calibration, so a label file that does not fit fails in seconds.
   */
  Dataset evaluationSet(DatasetSpec data, Model model) {
    Dataset set = evaluationSet(data);
    int classes = model.output().shape().size();
    if (classes > 1) {
      set.checkLabelsBelow(classes);
    }
    return set;
  }

  /**
   * Checks {@code assignment} (layer names, multiplier names and formats, per-channel lengths) against
   * {@code model} and these options before any calibration.
   */
  void checkAssignment(Model model, Assignment assignment) {
    AssignmentResolver.forWidths(model, catalog(), config(), widths(), false).resolve(assignment);
  }

  /**
   * The assignment of {@code --config} (an assignment file) or {@code --uniform} (one multiplier everywhere),
   * checked as {@link #checkAssignment} does; a problem in the file names the file.
   */
  Assignment assignment(Model model, Path config, String uniform) {
    Assignment a = config != null ? AssignmentJson.read(config)
        : Assignment.uniform(model.approximableLayers().stream().map(l -> l.name()).toList(), uniform);
    try {
      checkAssignment(model, a);
    } catch (BadInputException e) {
      throw config != null ? BadInputException.in(config, e.getMessage()) : e;
    }
    return a;
  }

  /**
   * {@code --calib} images drawn with seed 1 from the train split of {@code data} (or of {@code --calib-data
   * SPEC}), or with {@code --calib-data holdout} the ones held out of the evaluation split ({@link ImageSelection},
   * as {@code axdse search} draws them).
   */
  Dataset calibrationSet(DatasetSpec data) {
    return ImageSelection.calibration(calibData, data, () -> loadSplit(data), split, calib);
  }

  /** The quantization these options describe; call after {@link #check()}. */
  QuantConfig config() {
    return QuantConfig.defaults(QuantMode.parse(quant)).withPerChannel(perChannel).withWeightBits(widths().max())
        .withCalibration(calib, CalibrationMethod.parse(calibMethod));
  }

  /** {@code model} with preprocessing {@code pre} quantized as these options say, calibrated on {@code calib}. */
  QuantizedModel calibrate(Model model, Preprocessing pre, Dataset calib) {
    try (Kernels k = Kernels.create(threads, KernelMode.fromSystemProperty())) {
      return Calibration.run(model, pre, calib, config(), k, progress.listener());
    }
  }

  /**
   * As {@link #calibrate(Model, Preprocessing, Dataset)} through the result cache ({@code $AXDSE_CACHE}): a
   * calibration of the same model file, preprocessing, options and images is read back instead of run. A
   * quantization recorded beside the model file ({@link RecordedQuantization}) is used instead, unless
   * {@code --recalibrate}.
   */
  QuantizedModel calibrate(Path modelFile, Model model, Preprocessing pre, Dataset calib) {
    phases.add(SetupPhase.sinceJvmStart("JVM start, model and data loading"));
    if (!recalibrate && RecordedQuantization.present(modelFile)) {
      QuantizedModel q = RecordedQuantization.read(modelFile, model, pre, config());
      if (progress.listener() != ProgressListener.NONE) {
        System.err.println("quantization: recorded in " + RecordedQuantization.fileOf(modelFile)
            + " (--recalibrate to calibrate afresh)");
      }
      return q;
    }
    try (Kernels k = Kernels.create(threads, KernelMode.fromSystemProperty())) {
      return CachedCalibration.run(cache, DeployJson.sha256(modelFile) + modelVariant, model, pre, calib, config(), k,
          progress.listener(), phases::add);
    }
  }

  /**
   * A session whose float and exact reference results go through the result cache ({@code $AXDSE_CACHE}), keyed
   * by {@code modelFile}'s bytes among the rest.
   */
  SimulationSession session(Path modelFile, Model model, QuantizedModel q, Dataset evalSet,
      MultiplierCatalog catalog, SessionOptions options) {
    return SimulationSession.open(model, q, evalSet, catalog, options, progress.listener(), cache,
        DeployJson.sha256(modelFile) + modelVariant);
  }

  /** Prints where the setup time went (calibration, then {@code session}'s phases) on stderr, unless quiet. */
  void printSetup(SimulationSession session) {
    if (progress.listener() == ProgressListener.NONE) {
      return;
    }
    phases.forEach(p -> System.err.println(p.line()));
    session.setupPhases().forEach(p -> System.err.println(p.line()));
  }

  /** The result cache ({@code $AXDSE_CACHE}). */
  ResultCache cache() {
    return cache;
  }

  /** Where this command reports progress (stderr, as the progress flags say). */
  ProgressListener progress() {
    return progress.listener();
  }

  /** A session that reports its reference passes and evaluations as the progress flags say. */
  SimulationSession session(Model model, QuantizedModel q, Dataset evalSet, MultiplierCatalog catalog,
      SessionOptions options) {
    return SimulationSession.open(model, q, evalSet, catalog, options, progress.listener());
  }

  /** A session with these threads that measures accuracy and energy only (no float model, no error statistics). */
  SessionOptions plainSession() {
    return SessionOptions.defaults().withThreads(threads).withFloatReference(false).withLayerStatistics(false);
  }

  /** The built-in multipliers plus any {@code --library} directories. */
  MultiplierCatalog catalog() {
    return library.isEmpty() ? MultiplierCatalog.builtin() : MultiplierCatalog.withDirectories(library);
  }
}
