package org.axdse.simulator.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.axdse.multipliers.cli.flags.OutputFormat;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.multipliers.util.JsonFiles;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.assign.AssignmentJson;
import org.axdse.simulator.compensation.Compensation;
import org.axdse.simulator.compensation.CompensationFile;
import org.axdse.simulator.compensation.CompensationJson;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.data.DatasetSpec;
import org.axdse.simulator.data.Split;
import org.axdse.simulator.deploy.DeployConfig;
import org.axdse.simulator.deploy.DeployJson;
import org.axdse.simulator.deploy.DeployedPrecision;
import org.axdse.simulator.deploy.DeployedSharing;
import org.axdse.simulator.deploy.Deployment;
import org.axdse.simulator.energy.ArchitectureEnergy;
import org.axdse.simulator.engine.Evaluation;
import org.axdse.simulator.engine.SessionOptions;
import org.axdse.simulator.engine.SimulationSession;
import org.axdse.simulator.engine.WidthSet;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.Preprocessing;
import org.axdse.simulator.onnx.OnnxImporter;
import org.axdse.simulator.quant.QuantizedModel;
import org.axdse.simulator.share.SharingPlan;
import org.axdse.simulator.share.variant.SharedCompensation;
import org.axdse.simulator.share.variant.SharedEvaluations;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code axdse evaluate}: quantizes a model, evaluates one multiplier assignment on a dataset and prints accuracy
 * (float, exact-quantized, assignment), agreement, relative energy and a per-layer table, or all of it as JSON.
 */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = "Quantize a model and evaluate a multiplier assignment: accuracy (float, exact-int8, assignment),"
        + " agreement, relative energy and per-layer figures.")
public final class EvaluateCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--model", paramLabel = "M.onnx",
      description = "the ONNX model; its preprocessing sidecar M.preprocess.json must exist unless --preprocess is"
          + " given (with a deploy.json --config: optional, replaces the recorded path)")
  Path model;

  @Mixin PreprocessOptions preprocess;

  @Option(names = "--data", paramLabel = "SPEC",
      description = "fashion-mnist, fashion-mnist:DIR, mnist:DIR, idx:IMAGES,LABELS, cifar10:DIR or "
          + "npy:IMAGES.npy,LABELS.npy (with a deploy.json --config: optional, replaces the recorded dataset)")
  String data;

  @Mixin QuantizationOptions options;

  @Mixin NumberFormatOptions numberFormat;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Choice choice;

  static final class Choice {
    @Option(names = "--config", paramLabel = "ASSIGN.json",
        description = "assignment file, a deploy.json from axdse pick (recorded quantization and compensation, "
            + "model hash checked), or a compensation file from axdse compensate --out C.json")
    Path config;

    @Option(names = "--uniform", paramLabel = "NAME", description = "one multiplier for every approximable layer "
        + "(exact: the exact reference of the run's format)")
    String uniform;
  }

  @Option(names = "--arch", paramLabel = "ARCH.json", description = "architecture energies (default: Horowitz 45 nm)")
  Path arch;

  @Option(names = "--no-float", description = "skip the float model's accuracy (one float pass)")
  boolean noFloat;

  @Option(names = "--no-layer-stats", description = "skip the per-layer accumulator error statistics")
  boolean noLayerStats;

  @Option(names = "--layer-stats", description = "also predict each layer's accumulator error mean and std with "
      + "the statistical error model (convolution and dense layers; not with a deploy or compensation --config)")
  boolean layerStats;

  private Dataset layerStatsCalibration;

  @Mixin SharingOptions sharing;
  @Mixin PrecisionOptions precision;

  @Mixin OutputFormat output;

  @Override
  public Integer call() {
    output.check();
    if (arch != null) {
      ArchitectureEnergy.load(arch); // a bad --arch fails now, not after calibration
    }
    options.check();
    precision.check(options.widths(), sharing.requested()); // a bad --weight-rounding fails now
    if (numberFormat.given() || numberFormat.strayFlags()) {
      return NumberFormatRun.run(this);
    }
    if (layerStats && (noLayerStats || choice != null && choice.config != null
        && (DeployJson.isDeployFile(choice.config) || CompensationFile.isCompensationFile(choice.config)))) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--layer-stats needs the measured statistics "
          + "and calibration images: not with --no-layer-stats, a deploy.json or a compensation --config");
    }
    if (choice != null && choice.config != null && org.axdse.simulator.imc.ImcDeployment.isDeployment(choice.config)) {
      options.refuseCalibData(choice.config);
      return ImcDeploymentEvaluation.run(spec, choice.config, model, data); // runs as axdse imc evaluate --config
    }
    if (choice != null && choice.config != null && JsonFiles.readTree(choice.config) != null
        && DeployJson.isDeployFile(choice.config)) {
      return evaluateDeployment();
    }
    if (choice != null && choice.config != null && CompensationFile.isCompensationFile(choice.config)) {
      return evaluateCompensated();
    }
    if (model == null || data == null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--model and --data are required (unless "
          + "--config is a deploy.json)");
    }
    long start = System.nanoTime();
    Model m = sharing.apply(OnnxImporter.load(model), choice == null ? null : choice.config, options, model,
        preprocess, data);
    if (layerStats) {
      LayerStatsPrediction.check(model, m);
    }
    Preprocessing pre = preprocess.forModel(model);
    DatasetSpec ds = DatasetSpec.parse(data);
    Dataset evalSet = options.evaluationSet(ds, m);
    Dataset calibSet = options.calibrationSet(ds);
    MultiplierCatalog catalog = options.catalog();
    Assignment assignment = choice == null ? Assignment.allExact()
        : choice.config != null ? AssignmentJson.read(choice.config)
        : Assignment.uniform(m.approximableLayers().stream().map(l -> l.name()).toList(), choice.uniform);
    try {
      options.checkAssignment(m, assignment);
    } catch (BadInputException e) {
      throw choice != null && choice.config != null ? BadInputException.in(choice.config, e.getMessage()) : e;
    }
    QuantizedModel q = precision.apply(options.calibrate(model, m, pre, calibSet), options.widths(), m, pre, calibSet,
        sharing.active());
    layerStatsCalibration = layerStats ? calibSet : null;
    double calibSeconds = (System.nanoTime() - start) / 1e9;
    String source = choice == null ? "all exact" : choice.config != null ? choice.config.toString()
        : "--uniform " + choice.uniform;
    widths = options.widths();
    report(model, m, q, null, evalSet, catalog, assignment, source, start, calibSeconds);
    return 0;
  }

  /** The weight widths the evaluated session allows (null: the quantization's own width). */
  private WidthSet widths;
  private SharingPlan deployedSharing;

  /** {@code --config deploy.json}: the recorded model (hash checked), quantization, assignment and images. */
  private int evaluateDeployment() {
    preprocess.refuse("a deploy.json --config records the model's preprocessing");
    options.refuseCalibData(choice.config);
    sharing.refuse("a deploy.json --config");
    long start = System.nanoTime();
    Deployment d = Deployment.load(choice.config, model);
    DeployConfig c = d.config();
    Dataset evalSet;
    try {
      evalSet = c.evaluation().selection(options.limit).select(DatasetSpec.parse(data != null ? data : c.dataset())
          .load(c.evaluation().split().equals("test") ? Split.TEST : Split.TRAIN));
    } catch (IllegalArgumentException e) {
      throw BadInputException.in(choice.config, "evaluation: " + e.getMessage());
    }
    MultiplierCatalog catalog = options.catalog();
    widths = d.widths();
    deployedSharing = DeployedSharing.of(d, choice.config);
    precision.refuse("a deploy.json --config records its weight rounding");
    report(d.modelFile(), d.model(), DeployedPrecision.apply(d, choice.config, data), d.compensation(), evalSet,
        catalog, d.assignment(),
        choice.config + compensated(d.compensation()), start, (System.nanoTime() - start) / 1e9);
    return 0;
  }

  /**
   * {@code --config C.json} written by {@code axdse compensate --out}: the recorded quantization (no calibration)
   * with the recorded compensation applied, on the recorded data set, split and number of images.
   */
  private int evaluateCompensated() {
    sharing.refuse("a compensation --config");
    options.refuseCalibData(choice.config);
    long start = System.nanoTime();
    CompensationFile f = CompensationFile.read(choice.config);
    Path modelFile = model != null ? model : Path.of(f.model());
    Model m = OnnxImporter.load(modelFile);
    Preprocessing pre = preprocess.forModel(modelFile);
    QuantizedModel q;
    Assignment a;
    try {
      q = f.quantization(choice.config, m, pre);
      a = AssignmentJson.parse(choice.config, f.assignment().toString().getBytes(StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw BadInputException.in(choice.config, e.getMessage());
    }
    Dataset evalSet = f.evaluationSet(choice.config, DatasetSpec.parse(data != null ? data : f.dataset())
        .load(f.split().equals("train") ? Split.TRAIN : Split.TEST), options.limit);
    report(modelFile, m, q, f.compensation(), evalSet, options.catalog(), a,
        choice.config + compensated(f.compensation()), start, (System.nanoTime() - start) / 1e9);
    return 0;
  }

  private static String compensated(Compensation c) {
    return c == null ? "" : " (compensated: " + c.method().label() + ", bias order "
        + CompensationJson.label(c.biasOrder()) + ")";
  }

  /** Evaluates and prints; with {@code compensation} (may be null) the assignment runs compensated. */
  private void report(Path modelFile, Model m, QuantizedModel q, Compensation compensation, Dataset evalSet,
      MultiplierCatalog catalog, Assignment assignment, String source, long start, double calibSeconds) {
    SessionOptions sessionOptions = SessionOptions.defaults().withThreads(options.threads())
        .withFloatReference(!noFloat)
        .withLayerStatistics(!noLayerStats)
        .withArchitecture(arch == null ? ArchitectureEnergy.defaults() : ArchitectureEnergy.load(arch))
        .withWidths(widths);
    try (SimulationSession session = options.session(modelFile, m, q, evalSet, catalog, sessionOptions)) {
      try {
        session.resolve(assignment);
      } catch (BadInputException e) {
        throw choice != null && choice.config != null ? BadInputException.in(choice.config, e.getMessage()) : e;
      }
      session.prepareReferences();
      double openSeconds = (System.nanoTime() - start) / 1e9 - calibSeconds;
      long t = System.nanoTime();
      SharedEvaluations replay = deployedSharing == null ? null
          : new SharedEvaluations(session, deployedSharing.granularity(), options.threads());
      Evaluation e = compensation != null && replay != null
          ? SharedCompensation.evaluate(replay, compensation, assignment, deployedSharing)
          : compensation != null ? session.evaluate(assignment, compensation.applyTo(session.atWidths(assignment)))
          : replay != null ? replay.evaluate(assignment, deployedSharing) : session.evaluate(assignment);
      double evalSeconds = (System.nanoTime() - t) / 1e9;
      options.printSetup(session);
      EvaluationReport report = new EvaluationReport(modelFile, m, evalSet, q, assignment, source, e,
          new double[] {calibSeconds, openSeconds, evalSeconds}, layerStatsCalibration == null ? null
              : LayerStatsPrediction.predict(m, q, catalog, layerStatsCalibration, assignment, options.threads()),
          replay != null ? replay.memory(assignment, deployedSharing).relativeToInt8()
              : session.weightMemory(assignment));
      sharing.print(report, output.json(), spec.commandLine().getOut());
    }
  }
}
