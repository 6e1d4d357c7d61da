package org.axdse.explorer.simulation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.axdse.explorer.backend.ProblemFactory;
import org.axdse.explorer.backend.ProblemRequest;
import org.axdse.explorer.backend.QuantOptions;
import org.axdse.explorer.backend.SearchProblem;
import org.axdse.explorer.encoding.ApproximableLayer;
import org.axdse.explorer.encoding.SearchSpace;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.ProductTable;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.multipliers.util.ProgressListener;
import org.axdse.results.run.MultiplierInfo;
import org.axdse.simulator.compensation.CompensationCache;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.data.DatasetSpec;
import org.axdse.simulator.data.ImageSelection;
import org.axdse.simulator.data.Split;
import org.axdse.simulator.deploy.RecordedQuantization;
import org.axdse.simulator.engine.AssignmentResolver;
import org.axdse.simulator.engine.SessionOptions;
import org.axdse.simulator.engine.SimulationSession;
import org.axdse.simulator.kernels.KernelMode;
import org.axdse.simulator.kernels.Kernels;
import org.axdse.simulator.model.ConvLayer;
import org.axdse.simulator.model.DenseLayer;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.Preprocessing;
import org.axdse.simulator.onnx.OnnxImporter;
import org.axdse.simulator.precision.DataAwarePrecision;
import org.axdse.simulator.quant.QuantConfig;
import org.axdse.simulator.quant.QuantMode;
import org.axdse.simulator.quant.QuantizedModel;

/**
 * The {@link ProblemFactory} of {@code axdse search}: loads the ONNX model and its preprocessing sidecar, the test
 * split of the data set, calibrates post-training quantization (seeded, see {@link QuantOptions}) and opens one
 * {@link SimulationSession} that serves every evaluation of the run. Calibration images come from the train split
 * of {@code --data} (or of {@code --calib-data SPEC}); with {@code --calib-data holdout} they are a seeded subset
 * of the test images, and the evaluation set is the rest of the test set, so the two never overlap. With {@code
 * --compensate}, the calibration images also measure the {@link CompensationCache} every candidate is compensated
 * with.
 */
public final class SimulatorProblems implements ProblemFactory {
  /** Seed of the calibration subset (as in {@code axdse evaluate}). */
  static final long CALIBRATION_SEED = ImageSelection.HOLDOUT_SEED;

  private final SpeedOptions speed;

  /** The engine with the default {@link SpeedOptions}. */
  public SimulatorProblems() {
    this(SpeedOptions.defaults());
  }

  /** The engine saving work as {@code speed} says (never changing a figure). */
  public SimulatorProblems(SpeedOptions speed) {
    this.speed = java.util.Objects.requireNonNull(speed, "speed");
  }

  @Override
  public SearchProblem open(ProblemRequest request) {
    QuantOptions qo = request.quantization();
    QuantMode mode = QuantMode.parse(request.quant());
    if (mode == null) {
      throw new BadInputException("--quant must be sym or asym, not '" + request.quant() + "'");
    }
    Path modelPath = Path.of(request.model());
    Model model = OnnxImporter.load(modelPath);
    Preprocessing pre = Preprocessing.fromFlagOr(qo.preprocess(), modelPath);
    DatasetSpec spec = DatasetSpec.parse(request.data());
    Dataset test = spec.load(Split.TEST);
    Dataset eval = ImageSelection.evaluation(qo.calibrationData(), test, "test", qo.calibrationImages());
    Dataset calib = ImageSelection.calibration(qo.calibrationData(), spec, () -> test, "test",
        qo.calibrationImages());
    MultiplierCatalog catalog = request.library() == null ? MultiplierCatalog.builtin()
        : MultiplierCatalog.withDirectories(List.of(Path.of(request.library())));
    QuantConfig config = QuantConfig.defaults(mode).withPerChannel(qo.perChannel()).withWeightBits(qo.weightBits())
        .withCalibration(qo.calibrationImages(), qo.calibration());
    int threads = Runtime.getRuntime().availableProcessors();
    QuantizedModel q;
    CompensationCache compensation = null;
    try (Kernels k = Kernels.create(threads, KernelMode.fromSystemProperty())) {
      q = RecordedQuantization.orCalibrate(modelPath, model, pre, calib, config, qo.recalibrate(), k,
          ProgressListener.NONE);
      q = DataAwarePrecision.parse(qo.precision()).apply(q, model, pre, calib);
      if (qo.compensation() != null) {
        compensation = CompensationCache.open(model, q, catalog, calib, qo.compensation(), k, qo.widthSet());
      }
    }
    MultiplierFormat format = mode.format(qo.weightBits());
    UsableLibrary library = UsableLibrary.ofWidths(catalog, mode, qo.widthSet())
        .withFloatFormats(catalog, qo.numberFormats());
    List<ApproximableLayer> layers = layers(model, q, library, catalog, request.channelRanking(), format);
    SearchSpace space = new SearchSpace(request.model(), describe(eval, calib), library.exactName(),
        library.multipliers(), layers);
    SimulationSession session = SimulationSession.open(model, q, eval, catalog,
        SessionOptions.defaults().withThreads(threads).withFloatReference(false).withLayerStatistics(false)
            .withWidths(qo.widthSet()));
    if (qo.share() != null) {
      return SharingProblem.open(space, qo.widths().size(), session, qo.share(), compensation, threads,
          request.screeningImages(), request.finalImages(), request.seed());
    }
    return new SimulatorProblem(space, session, compensation, request.screeningImages(), request.finalImages(),
        request.seed(), speed, SimulatorEstimator.lazy(modelPath, model, q, catalog, calib, qo.widthSet(),
            qo.compensation(), threads));
  }

  private static List<ApproximableLayer> layers(Model model, QuantizedModel q, UsableLibrary library,
      MultiplierCatalog catalog, boolean rank, MultiplierFormat format) {
    ProductTable probe = rank ? catalog.byName(probeMultiplier(library, catalog, format)).table() : null;
    List<ApproximableLayer> out = new ArrayList<>();
    var modelLayers = model.approximableLayers();
    for (int i = 0; i < modelLayers.size(); i++) {
      var l = modelLayers.get(i);
      int channels = AssignmentResolver.channels(l);
      int[] order = rank ? ChannelRanking.rank(q.layer(i), channels, probe) : new int[0];
      List<String> names = l instanceof ConvLayer || l instanceof DenseLayer ? library.names()
          : library.names().stream().filter(n -> !UsableLibrary.isFloat(catalog, n)).toList();
      out.add(new ApproximableLayer(l.name(), channels, names, order));
    }
    return out;
  }

  /** The approximate multiplier of median relative power (uniform operands): the probe of the channel ranking. */
  static String probeMultiplier(UsableLibrary library, MultiplierCatalog catalog, MultiplierFormat format) {
    List<MultiplierInfo> approx = library.multipliers().stream()
        .filter(m -> !m.name().equals(library.exactName()))
        .filter(m -> catalog.byName(m.name()).format().equals(format))
        .sorted(java.util.Comparator.comparingDouble(MultiplierInfo::relativePower).thenComparing(MultiplierInfo::name))
        .toList();
    if (approx.isEmpty()) {
      return library.exactName();
    }
    return approx.get(approx.size() / 2).name();
  }

  private static String describe(Dataset eval, Dataset calib) {
    return eval.name() + " (" + eval.size() + " images; calibration: " + calib.name() + ")";
  }
}
