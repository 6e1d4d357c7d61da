package org.axdse.simulator.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.assign.AssignmentJson;
import org.axdse.simulator.compensation.RetrainRequest;
import org.axdse.simulator.compensation.RetrainSettings;
import org.axdse.simulator.compensation.Retrainer;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.data.DatasetSpec;
import org.axdse.simulator.engine.Evaluation;
import org.axdse.simulator.engine.SessionOptions;
import org.axdse.simulator.engine.SimulationSession;
import org.axdse.simulator.errormodel.EmulationCheck;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.Preprocessing;
import org.axdse.simulator.onnx.OnnxImporter;
import org.axdse.simulator.quant.QuantConfig;
import org.axdse.simulator.quant.QuantizedModel;
import picocli.CommandLine;

/**
 * {@code axdse compensate --method retrain}: evaluates the assignment on the original model, has the
 * {@link Retrainer} of the training build fine-tune it and write {@code --out} with the quantization it trained
 * with ({@code M2.quantization.json}), then evaluates the same assignment on the written model with that
 * quantization: the figure every later command gets from the written files.
 */
final class Retraining {
  private Retraining() {}

  static int run(CommandLine cmd, Path model, String data, Path config, String uniform, QuantizationOptions options,
      RetrainOptions r, Path out) {
    Retrainer retrainer = Retrainer.find().orElseThrow(() -> new BadInputException("--method retrain needs the "
        + "training profile: run it through ./axdse (which builds with -Ptraining for it) or build with mvn "
        + "-Ptraining"));
    options.check();
    r.check();
    if (options.recalibrate) {
      throw new CommandLine.ParameterException(cmd, "--recalibrate does not apply to --method retrain (it trains "
          + "with the model's recorded quantization when there is one, and records its own with --out)");
    }
    if (out == null || !out.getFileName().toString().endsWith(".onnx")) {
      throw new CommandLine.ParameterException(cmd, "--method retrain needs --out M2.onnx (the retrained model)");
    }
    if (out.toAbsolutePath().normalize().equals(model.toAbsolutePath().normalize())) {
      throw BadInputException.in(out, "--out would overwrite the model being retrained");
    }
    long start = System.nanoTime();
    Model m = OnnxImporter.load(model);
    RetrainSettings settings = r.settings(DatasetSpec.parse(data), options.progress(), out);
    DatasetSpec ds = DatasetSpec.parse(data);
    
    Dataset evalSet = options.evaluationSet(ds);
    MultiplierCatalog catalog = options.catalog();
    QuantConfig quant = options.config();
    Assignment assignment = config != null ? AssignmentJson.read(config)
        : Assignment.uniform(m.approximableLayers().stream().map(l -> l.name()).toList(), uniform);
    EmulationCheck.refuseUndescribable(settings.emulation(), m, assignment, catalog, quant);
    org.axdse.simulator.engine.FloatDesignRefusal.refuse(m, assignment, catalog,
        org.axdse.simulator.engine.FloatDesignRefusal.RETRAINING, config);
    Evaluation before = evaluate(model, m, ds, evalSet, options, assignment, config);
    long trainStart = System.nanoTime();
    Path written = retrainer.retrain(new RetrainRequest(model, assignment, ds, quant, catalog, r.epochs,
        r.learningRate, r.batchSize, r.seed, options.threads(), out, cmd.getErr(), settings));
    double trainSeconds = (System.nanoTime() - trainStart) / 1e9;
    Evaluation after = evaluate(written, OnnxImporter.load(written), ds, evalSet, options, assignment, config);
    double seconds = (System.nanoTime() - start) / 1e9;
    PrintWriter w = cmd.getOut();
    w.printf(Locale.ROOT, "model        %s%n", model);
    w.printf(Locale.ROOT, "assignment   %s%n", config != null ? config.toString() : "--uniform " + uniform);
    w.printf(Locale.ROOT, "method       retrain (%d epoch%s, AdamW lr %s %s, weight decay %s, augment %s, batch "
        + "%d, seed %d), %d calibration images%n", r.epochs, r.epochs == 1 ? "" : "s", r.learningRate,
        r.schedule, r.weightDecay, r.augment, r.batchSize, r.seed, options.calibrationImages());
    w.printf(Locale.ROOT, "images       %d (%s)%n", evalSet.size(), options.split());
    CompensateCommand.printAccuracies(w, before, after);
    w.printf(Locale.ROOT, "retrained    %s (exact int of it %.4f)%n", written, after.exactQuantized().top1());
    w.printf(Locale.ROOT, "seconds      %.1f retraining, %.1f total%n", trainSeconds, seconds);
    w.flush();
    return 0;
  }

  /**
   * The assignment's accuracy on {@code m}, with the quantization recorded beside {@code file} (the retrained
   * model's is the retraining's own), or calibrated from scratch with the options when there is none.
   */
  private static Evaluation evaluate(Path file, Model m, DatasetSpec ds, Dataset evalSet, QuantizationOptions options,
      Assignment assignment, Path config) {
    Preprocessing pre = Preprocessing.requiredFor(file);
    QuantizedModel q = options.calibrate(file, m, pre, options.calibrationSet(ds));
    SessionOptions so = options.plainSession();
    try (SimulationSession s = options.session(m, q, evalSet, options.catalog(), so)) {
      try {
        s.resolve(assignment);
      } catch (BadInputException e) {
        throw config != null ? BadInputException.in(config, e.getMessage()) : e;
      }
      return s.evaluate(assignment);
    }
  }
}
