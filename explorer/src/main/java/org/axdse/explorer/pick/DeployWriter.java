package org.axdse.explorer.pick;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axdse.explorer.encoding.SharedChoices;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.multipliers.util.ProgressListener;
import org.axdse.results.run.EvaluatedPoint;
import org.axdse.results.run.Metric;
import org.axdse.results.run.Run;
import org.axdse.results.run.RunDirectory;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.assign.AssignmentJson;
import org.axdse.simulator.assign.LayerAssignment;
import org.axdse.simulator.cli.RetrainOptions;
import org.axdse.simulator.compensation.Compensation;
import org.axdse.simulator.compensation.CompensationCache;
import org.axdse.simulator.compensation.CompensationJson;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.data.DatasetSpec;
import org.axdse.simulator.data.ImageSelection;
import org.axdse.simulator.data.Split;
import org.axdse.simulator.deploy.DeployConfig;
import org.axdse.simulator.deploy.DeployJson;
import org.axdse.simulator.deploy.Deployment;
import org.axdse.simulator.deploy.DeployedPrecision;
import org.axdse.simulator.deploy.DeployedSharing;
import org.axdse.simulator.deploy.LayerWidths;
import org.axdse.simulator.deploy.RecordedQuantization;
import org.axdse.simulator.engine.Evaluation;
import org.axdse.simulator.engine.SessionOptions;
import org.axdse.simulator.engine.SimulationSession;
import org.axdse.simulator.kernels.KernelMode;
import org.axdse.simulator.kernels.Kernels;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.Preprocessing;
import org.axdse.simulator.onnx.OnnxImporter;
import org.axdse.simulator.precision.DataAwarePrecision;
import org.axdse.simulator.quant.QuantizedModel;
import org.axdse.simulator.share.SharingPlan;

/**
 * {@code axdse pick}'s work: reads a run directory, picks a front point ({@link FrontPicker}), quantizes the
 * run's model with the run's settings (deterministic, so the parameters are those the search evaluated with),
 * exports the multipliers used, optionally re-evaluates the point, and writes {@code deploy.json}. Only
 * {@code deploy.json} and the {@code deploy/} folder are written, each file atomically and {@code deploy.json}
 * last; nothing of the run is modified.
 */
public final class DeployWriter {
  public static final String FILE = "deploy.json";

  /**
   * @param out directory for {@code deploy.json} and {@code deploy/}; null for the run directory
   * @param model, data, library overrides of what the run recorded (null or empty: the run's)
   * @param limit verify on the first N evaluation images only (null: the whole test split, less any held-out
   *     calibration images)
   * @param retrain null, or the schedule of approximation-aware retraining of the chosen point (implies verify)
   * @param log where retraining reports its progress
   * @param preprocess the model's preprocessing sidecar when it moved since the search (null: the run's)
   * @param progress where calibration and the reference and verification passes report their progress
   */
  public record Options(Path out, Path model, String data, List<Path> library, boolean verify, Integer limit,
      int threads, Metric energy, RetrainOptions retrain, PrintWriter log, Path preprocess,
      ProgressListener progress) {
    public Options {
      library = library == null ? List.of() : List.copyOf(library);
      progress = progress == null ? ProgressListener.NONE : progress;
    }

    /** Options without retraining, the run's sidecar, no progress. */
    public Options(Path out, Path model, String data, List<Path> library, boolean verify, Integer limit,
        int threads, Metric energy) {
      this(out, model, data, library, verify, limit, threads, energy, null, null, null, null);
    }
  }

  /** The file written, its content (null for an IMC run's {@code ImcDeployment}), and the chosen point. */
  public record Result(Path file, DeployConfig config, Pick pick) {}

  private DeployWriter() {}

  public static Result write(Path runDir, Constraint constraint, Options o) {
    if (ImcDeployWriter.targets(runDir)) {
      return ImcDeployWriter.write(runDir, constraint, o);
    }
    RunDirectory dir = RunDirectory.of(runDir);
    Run run = dir.read();
    RunSettings settings = RunSettings.of(run.config(), dir.file(RunDirectory.CONFIG));
    Metric energy = o.energy() != null ? o.energy()
        : run.config().metrics().contains(Metric.SYSTEM_ENERGY) ? Metric.SYSTEM_ENERGY : Metric.MULTIPLIER_ENERGY;
    List<EvaluatedPoint> all = new ArrayList<>(run.points());
    all.addAll(run.front());
    run.baselines().forEach(b -> all.addAll(b.points()));
    EvaluatedPoint exact = FrontPicker.exactPoint(all, run.config().exactMultiplier());
    Pick pick = FrontPicker.pick(run.front(), exact, constraint, energy, dir.file(RunDirectory.FRONT_JSON));

    Path modelFile = o.model() != null ? o.model() : Path.of(settings.model());
    if (!Files.isRegularFile(modelFile)) {
      throw BadInputException.in(modelFile, "model file not found (recorded in " + dir.file(RunDirectory.CONFIG)
          + "; pass --model to point at it)");
    }
    String sha = DeployJson.sha256(modelFile);
    Model model = OnnxImporter.load(modelFile);
    Preprocessing pre = o.preprocess() != null ? Preprocessing.load(o.preprocess())
        : settings.preprocess() != null ? Preprocessing.load(Path.of(settings.preprocess()))
        : Preprocessing.requiredFor(modelFile);
    String data = o.data() != null ? o.data() : settings.data();
    DatasetSpec spec = DatasetSpec.parse(data);
    Dataset fullTest = spec.load(Split.TEST);
    boolean holdout = settings.calibrationData().equals(ImageSelection.HOLDOUT);
    int calibImages = settings.quant().calibrationImages();
    DeployConfig.EvaluationSet images = new DeployConfig.EvaluationSet("test", holdout ? calibImages : 0,
        o.limit() != null ? o.limit() : 0);
    Dataset test;
    Dataset calib;
    try {
      test = images.selection(null).select(fullTest);
      calib = holdout ? ImageSelection.heldOut(fullTest, calibImages)
          : (settings.calibrationData().isEmpty() ? spec : DatasetSpec.parse(settings.calibrationData()))
              .load(Split.TRAIN).subset(calibImages, settings.quant().calibrationSeed());
    } catch (IllegalArgumentException e) {
      throw BadInputException.in(dir.file(RunDirectory.CONFIG), e.getMessage());
    }
    List<Path> library = !o.library().isEmpty() ? o.library()
        : settings.library() != null ? List.of(Path.of(settings.library())) : List.of();
    MultiplierCatalog catalog = library.isEmpty() ? MultiplierCatalog.builtin()
        : MultiplierCatalog.withDirectories(library);
    List<String> layerNames = !run.config().layers().isEmpty() ? run.config().layers()
        : model.approximableLayers().stream().map(l -> l.name()).toList();
    SharedChoices.Split shared = PickSharing.split(run.config(), dir.file(RunDirectory.CONFIG),
        assignment(pick.point(), layerNames, dir.file(RunDirectory.FRONT_JSON)));
    Assignment assignment = shared.assignment();
    assignment.multipliersUsed().forEach(catalog::byName);
    if (o.retrain() != null) {
      org.axdse.simulator.engine.FloatDesignRefusal.refuse(model, assignment, catalog,
          org.axdse.simulator.engine.FloatDesignRefusal.RETRAINING);
    }
    if (o.retrain() != null && !shared.plan().isEmpty()) {
      throw new BadInputException("--retrain: a point with weight sharing cannot be retrained");
    }

    Path out = o.out() != null ? o.out() : runDir;
    DeployConfig.Retraining retraining = null;
    Double referenceExact = null;
    if (o.retrain() != null) {
      referenceExact = exactAccuracy(modelFile, model, pre, calib, settings, catalog, test, o.threads(), o.progress());
      DeployConfig.ModelFile base = new DeployConfig.ModelFile(modelFile.toAbsolutePath().normalize().toString(),
          sha);
      modelFile = PickRetraining.retrain(modelFile, assignment, spec, settings.quant(), catalog, o.retrain(),
          o.threads(), out, o.log());
      sha = DeployJson.sha256(modelFile);
      model = OnnxImporter.load(modelFile);
      pre = Preprocessing.requiredFor(modelFile);
      retraining = o.retrain().record(base);
    }
    Measured m = measure(modelFile, model, pre, calib, settings, catalog, assignment, shared.plan(), test, o.threads(),
        o.verify() || retraining != null, o.progress());
    QuantizedModel q = m.quant();
    Compensation compensation = m.compensation();
    DeployConfig.Figures verified = null;
    if (m.evaluation() != null) {
      Evaluation e = m.evaluation();
      verified = new DeployConfig.Figures(e.images(), e.assignment().top1(),
          referenceExact != null ? referenceExact : e.exactQuantized().top1(), e.multiplierEnergy(),
          e.systemEnergy());
    }
    List<DeployConfig.MultiplierFile> files = MultiplierExport.write(assignment.multipliersUsed(), catalog, out);
    ToolExport.write(assignment, ToolExport.kinds(model, assignment), catalog, out);
    EvaluatedPoint p = pick.point();
    int expectedImages = pick.fidelity().equals("final")
        ? new ImageSelection(images.holdout(), settings.finalImages(), 0).select(fullTest).size()
        : settings.screeningImages();
    DeployConfig config = new DeployConfig(DeployConfig.FORMAT, DeployConfig.FORMAT_VERSION,
        new DeployConfig.ModelFile(modelFile.toAbsolutePath().normalize().toString(), sha), data,
        images, Deployment.preprocessingJson(pre),
        DeployedSharing.record(LayerWidths.record(DeployedPrecision.record(q.toJson(), q, settings.calibrationData()),
            settings.widths(), assignment, catalog),
            shared.plan()),
        AssignmentJson.toJson(assignment), files,
        new DeployConfig.Selection(runDir.toAbsolutePath().normalize().toString(), p.id(), constraint.kind().key(),
            constraint.limit(), energy.key(), pick.fidelity(), nullIfNaN(pick.referenceAccuracy())),
        new DeployConfig.Figures(expectedImages, pick.accuracy(), nullIfNaN(pick.referenceAccuracy()),
            p.multiplierEnergy(), nullIfNaN(p.systemEnergy())),
        verified, compensation == null ? null : CompensationJson.toJson(compensation), retraining);
    Path file = out.resolve(FILE);
    DeployJson.write(config, file);
    return new Result(file, config, pick);
  }

  /** Top-1 of {@code model} quantized with the run's settings, all multipliers exact. */
  private static double exactAccuracy(Path modelFile, Model model, Preprocessing pre, Dataset calib, RunSettings settings,
      MultiplierCatalog catalog, Dataset test, int threads, ProgressListener progress) {
    QuantizedModel q;
    try (Kernels k = Kernels.create(threads, KernelMode.fromSystemProperty())) {
      q = RecordedQuantization.orCalibrate(modelFile, model, pre, calib, settings.quant(), settings.recalibrate(), k,
          progress);
    }
    try (SimulationSession s = SimulationSession.open(model, q, test, catalog,
        sessionOptions(threads).withWidths(settings.widths()), progress)) {
      return s.exactAccuracy().top1();
    }
  }

  private static SessionOptions sessionOptions(int threads) {
    return SessionOptions.defaults().withThreads(threads).withFloatReference(false).withLayerStatistics(false);
  }

  /** The quantization, the compensation (null when the run had none) and, when asked, the evaluation. */
  private record Measured(QuantizedModel quant, Compensation compensation, Evaluation evaluation) {}

  /**
   * Quantizes {@code model} with the run's settings on {@code calib}, compensates {@code a} as the run did, and with
   * {@code evaluate} evaluates it on {@code test} with the weights shared as {@code sharing} says.
   */
  private static Measured measure(Path modelFile, Model model, Preprocessing pre, Dataset calib, RunSettings settings,
      MultiplierCatalog catalog, Assignment a, SharingPlan sharing, Dataset test, int threads, boolean evaluate,
      ProgressListener progress) {
    QuantizedModel q;
    Compensation compensation = null;
    try (Kernels k = Kernels.create(threads, KernelMode.fromSystemProperty())) {
      q = RecordedQuantization.orCalibrate(modelFile, model, pre, calib, settings.quant(), settings.recalibrate(), k,
          progress);
      q = DataAwarePrecision.parse(settings.precision()).apply(q, model, pre, calib);
      if (settings.compensation() != null) {
        compensation = PickSharing.compensate(CompensationCache.open(model, q, catalog, calib,
            settings.compensation(), k, settings.widths()), model, q, a, sharing, threads);
      }
    }
    if (!evaluate) {
      return new Measured(q, compensation, null);
    }
    try (SimulationSession s = SimulationSession.open(model, q, test, catalog,
        sessionOptions(threads).withWidths(settings.widths()), progress)) {
      return new Measured(q, compensation, compensation == null ? PickSharing.evaluate(s, a, sharing, threads)
          : PickSharing.evaluate(s, a, sharing, compensation, threads));
    }
  }

  /**
   * The point's assignment keyed by layer name: per-channel lists when the point has them, else one multiplier
   * per layer (exact layers included, so the file lists every layer).
   */
  static Assignment assignment(EvaluatedPoint p, List<String> layerNames, Path source) {
    if (p.layerMultipliers().size() != layerNames.size()) {
      throw BadInputException.in(source, "point " + p.id() + " has " + p.layerMultipliers().size()
          + " layer multipliers but the model has " + layerNames.size() + " approximable layers");
    }
    Map<String, LayerAssignment> layers = new LinkedHashMap<>();
    for (int i = 0; i < layerNames.size(); i++) {
      layers.put(layerNames.get(i), p.channelMultipliers().isEmpty()
          ? new LayerAssignment.Uniform(p.layerMultipliers().get(i))
          : new LayerAssignment.PerChannel(p.channelMultipliers().get(i)));
    }
    return new Assignment(layers);
  }

  private static Double nullIfNaN(double v) {
    return Double.isNaN(v) ? null : v;
  }
}
