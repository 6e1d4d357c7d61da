package org.axdse.simulator.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.axdse.multipliers.cli.flags.OutputFormat;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.multipliers.util.Bounds;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.compensation.CompensationFile;
import org.axdse.simulator.compensation.CompensationMethod;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.data.DatasetSpec;
import org.axdse.simulator.deploy.DeployJson;
import org.axdse.simulator.engine.FloatDesignRefusal;
import org.axdse.simulator.engine.SetupPhase;
import org.axdse.simulator.engine.SimulationSession;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.Preprocessing;
import org.axdse.simulator.onnx.OnnxImporter;
import org.axdse.simulator.predict.AccuracyPredictor;
import org.axdse.simulator.predict.FitPoints;
import org.axdse.simulator.predict.NoiseFidelity;
import org.axdse.simulator.predict.NoiseFigure;
import org.axdse.simulator.predict.PredictorSetup;
import org.axdse.simulator.quant.QuantizedModel;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code axdse predict}: predicts an assignment's top-1 from the statistical error model without simulating it
 * (per-layer noise-to-signal figures weighted by measured sensitivities, through a monotone map fitted on
 * simulated random assignments), with the map's calibration quality; {@code --simulate} adds the bit-exact
 * figure, {@code --noise-injection} the noise-injection fidelity's.
 */
@Command(
    name = "predict",
    mixinStandardHelpOptions = true,
    description = "Predict an assignment's top-1 from the statistical error model, with the calibration quality of"
        + " the prediction (and, with --simulate, the simulated top-1).")
public final class PredictCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "M.onnx",
      description = "the ONNX model; its preprocessing sidecar M.preprocess.json must exist unless --preprocess is"
          + " given")
  Path model;

  @Mixin PreprocessOptions preprocess;

  @Option(names = "--data", required = true, paramLabel = "SPEC",
      description = "fashion-mnist, fashion-mnist:DIR, mnist:DIR, idx:IMAGES,LABELS, cifar10:DIR or "
          + "npy:IMAGES.npy,LABELS.npy; the map is fitted (and --simulate run) on its evaluated images")
  String data;

  @Mixin QuantizationOptions options;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Choice choice;

  static final class Choice {
    @Option(names = "--config", paramLabel = "ASSIGN.json", description = "assignment file")
    Path config;

    @Option(names = "--uniform", paramLabel = "NAME", description = "one multiplier for every approximable layer")
    String uniform;
  }

  @Option(names = "--compensate", paramLabel = "METHOD",
      description = "predict (and simulate) the assignment compensated: bias, weights or both (exact inputs)")
  String compensate;

  @Option(names = "--simulate", description = "also simulate the assignment bit-exactly (as axdse evaluate)")
  boolean simulate;

  @Option(names = "--noise-injection", description = "also evaluate the noise-injection fidelity: the exact "
      + "engine plus Gaussian noise of the modelled per-channel mean and variance (one exact evaluation)")
  boolean noiseInjection;

  @Option(names = "--fit", paramLabel = "N", description = "random simulated assignments the map is fitted on, "
      + "half compensated (cached) (default: ${DEFAULT-VALUE})")
  int fit = 24;

  @Option(names = "--sensitivity-images", paramLabel = "N", description = "calibration images of the per-layer "
      + "noise sensitivity measurement (cached) (default: ${DEFAULT-VALUE})")
  int sensitivityImages = 256;

  @Option(names = "--seed", paramLabel = "S", description = "seed of the fitted assignments and of the injected "
      + "noise (default: ${DEFAULT-VALUE})")
  long seed = 1;

  @Mixin OutputFormat output;

  @Override
  public Integer call() {
    output.check();
    options.check();
    Bounds.check("--fit", fit, 3, Bounds.MAX_COUNT);
    Bounds.images("--sensitivity-images", sensitivityImages, 1);
    CompensationMethod method = compensate == null ? null : CompensationMethod.parse(compensate);
    if (compensate != null && method == null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--compensate: expected bias, weights or both,"
          + " got '" + compensate + "'");
    }
    if (choice.config != null && (DeployJson.isDeployFile(choice.config)
        || CompensationFile.isCompensationFile(choice.config))) {
      throw BadInputException.in(choice.config, "predict takes an assignment file, not a deploy.json or "
          + "compensation file");
    }
    Model m = OnnxImporter.load(model);
    PredictorSetup.check(model.toString(), m);
    Preprocessing pre = preprocess.forModel(model);
    DatasetSpec ds = DatasetSpec.parse(data);
    Dataset evalSet = options.evaluationSet(ds, m);
    Dataset calibSet = options.calibrationSet(ds);
    MultiplierCatalog catalog = options.catalog();
    Assignment assignment = options.assignment(m, choice.config, choice.uniform);
    FloatDesignRefusal.refuse(m, assignment, catalog, FloatDesignRefusal.PREDICTION, choice.config);
    QuantizedModel q = options.calibrate(model, m, pre, calibSet);
    String sha = DeployJson.sha256(model);
    List<SetupPhase> phases = new java.util.ArrayList<>();
    AccuracyPredictor predictor = PredictorSetup.open(m, q, catalog, calibSet, sensitivityImages,
        options.threads(), sha, options.cache(), seed, options.progress(), phases::add);
    try (SimulationSession s = options.session(model, m, q, evalSet, catalog, options.plainSession())) {
      List<FitPoints.Draw> draws = FitPoints.draws(m.approximableLayers(), FitPoints.candidates(catalog, q), fit,
          seed);
      double[] top1 = FitPoints.cached(options.cache(), s, predictor, catalog, sha, draws, options.progress(),
          phases::add);
      predictor.anchor(s.exactAccuracy().top1(), evalSet.classCount());
      for (int i = 0; i < draws.size(); i++) {
        predictor.add(predictor.noise(draws.get(i).assignment(), draws.get(i).method()), top1[i]);
      }
      NoiseFigure noise = predictor.noise(assignment, method);
      PredictReport report = new PredictReport(model, m, evalSet.size(), q, choice.config != null
          ? choice.config.toString() : "--uniform " + choice.uniform, compensate, predictor.predict(noise),
          predictor.sensitivity(), s.exactAccuracy().top1());
      report.heldOut(options.heldOutNote());
      if (simulate) {
        report.simulated(FitPoints.simulate(s, predictor, new FitPoints.Draw(assignment, method)));
      }
      if (noiseInjection) {
        var errors = method == null ? predictor.errors().predict(assignment)
            : predictor.errors().predict(assignment, predictor.compensation(assignment, method));
        int[] all = new int[s.size()];
        java.util.Arrays.setAll(all, i -> i);
        report.injected(NoiseFidelity.top1(s, errors, all, seed));
      }
      options.printSetup(s);
      if (options.progress() != org.axdse.multipliers.util.ProgressListener.NONE) {
        phases.forEach(p -> System.err.println(p.line()));
      }
      if (output.json()) {
        report.printJson(spec.commandLine().getOut());
      } else {
        report.printTable(spec.commandLine().getOut());
      }
    }
    return 0;
  }
}
