package org.axdse.simulator.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.axdse.multipliers.cli.flags.OutputFormat;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.multipliers.util.AtomicFiles;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.multipliers.util.OutputPaths;
import org.axdse.multipliers.util.RunLock;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.assign.AssignmentJson;
import org.axdse.simulator.compensation.BiasOrder;
import org.axdse.simulator.compensation.CompensatedWeights;
import org.axdse.simulator.compensation.Compensation;
import org.axdse.simulator.compensation.CompensationFile;
import org.axdse.simulator.compensation.CompensationJson;
import org.axdse.simulator.compensation.CompensationMethod;
import org.axdse.simulator.compensation.Compensator;
import org.axdse.simulator.compensation.LayerCompensation;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.data.DatasetSpec;
import org.axdse.simulator.deploy.RecordedQuantization;
import org.axdse.simulator.engine.Evaluation;
import org.axdse.simulator.engine.FloatDesignRefusal;
import org.axdse.simulator.engine.SessionOptions;
import org.axdse.simulator.engine.SimulationSession;
import org.axdse.simulator.kernels.KernelMode;
import org.axdse.simulator.kernels.Kernels;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.Preprocessing;
import org.axdse.simulator.onnx.OnnxExporter;
import org.axdse.simulator.onnx.OnnxImporter;
import org.axdse.simulator.quant.QuantizedModel;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code axdse compensate}: quantizes a model, compensates one assignment's multiplier error (bias correction,
 * weight tuning, or both) on the calibration images, and reports the test accuracy before and after; optionally
 * writes the compensation (with the quantization and assignment it belongs to) as JSON.
 */
@Command(
    name = "compensate",
    mixinStandardHelpOptions = true,
    description = "Compensate the approximation error of an assignment (bias correction or ALWANN weight tuning, "
        + "no training) and report the accuracy before and after.")
public final class CompensateCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "M.onnx",
      description = "the ONNX model; its preprocessing sidecar M.preprocess.json must exist unless --preprocess is"
          + " given")
  Path model;

  @Mixin PreprocessOptions preprocess;

  @Mixin OutputFormat output;

  @Option(names = "--data", required = true, paramLabel = "SPEC", description = "dataset, as for evaluate")
  String data;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Choice choice;

  static final class Choice {
    @Option(names = "--config", paramLabel = "ASSIGN.json", description = "assignment file")
    Path config;

    @Option(names = "--uniform", paramLabel = "NAME", description = "one multiplier for every approximable layer "
        + "(exact: the exact reference of the run's format)")
    String uniform;
  }

  @Option(names = "--method", required = true, description = "bias, weights, both (weights, then bias) or retrain "
      + "(approximation-aware fine-tuning; needs the training build and --out M2.onnx)")
  String method;

  @Option(names = "--bias-order", description = "exact (errors on the exact network's inputs, one pass) or "
      + "sequential (layer by layer on corrected inputs) (default: ${DEFAULT-VALUE})")
  String biasOrder = "sequential";

  @Mixin QuantizationOptions options;

  @Mixin RetrainOptions retrain;

  @Option(names = "--out", paramLabel = "OUT.json|M2.onnx", description = "OUT.json: the compensation, "
      + "quantization, assignment and accuracies; M2.onnx: the compensated model as ONNX (with M2.preprocess.json "
      + "and that JSON as M2.compensation.json), then evaluated again from the file with a fresh calibration; "
      + "retrain: M2.onnx (required) is the retrained model, with M2.preprocess.json")
  Path out;

  @Option(names = "--force", description = "overwrite existing output files (--out and the files written beside it)")
  boolean force;

  @Override
  public Integer call() {
    if (output.check() == OutputFormat.Format.JSON && "retrain".equals(method)) {
      throw new BadInputException("--format json: not available with --method retrain (see its --out files)");
    }
    if (out == null) {
      return compensate();
    }
    OutputPaths.checkFile(out);
    if (out.toAbsolutePath().normalize().equals(model.toAbsolutePath().normalize())) {
      throw BadInputException.in(out, "--out is the input model; write the compensated model to another file");
    }
    OutputPaths.checkNew(force, written(out));
    try (RunLock lock = RunLock.acquire(out.toAbsolutePath().getParent())) {
      Integer code = compensate();
      lock.commit();
      return code;
    }
  }

  private Integer compensate() {
    if ("retrain".equals(method)) {
      preprocess.refuse("not available with --method retrain, which reads M.preprocess.json beside the model");
      return Retraining.run(spec.commandLine(), model, data, choice.config, choice.uniform, options, retrain, out);
    }
    java.util.List<String> retrainFlags = RetrainOptions.given(spec.commandLine());
    if (!retrainFlags.isEmpty()) {
      throw new CommandLine.ParameterException(spec.commandLine(), retrainFlags + " only apply to --method retrain");
    }
    CompensationMethod cm = CompensationMethod.parse(method);
    if (cm == null) {
      throw new BadInputException("--method must be bias, weights, both or retrain, not '" + method + "'");
    }
    if (!(biasOrder.equals("exact") || biasOrder.equals("sequential"))) {
      throw new BadInputException("--bias-order must be exact or sequential, not '" + biasOrder + "'");
    }
    options.check();
    BiasOrder order = biasOrder.equals("exact") ? BiasOrder.EXACT_INPUTS : BiasOrder.SEQUENTIAL;
    long start = System.nanoTime();
    Model m = OnnxImporter.load(model);
    Preprocessing pre = preprocess.forModel(model);
    DatasetSpec ds = DatasetSpec.parse(data);
    Dataset evalSet = options.evaluationSet(ds, m);
    Dataset calibSet = options.calibrationSet(ds);
    MultiplierCatalog catalog = options.catalog();
    Assignment assignment = choice.config != null ? AssignmentJson.read(choice.config)
        : Assignment.uniform(m.approximableLayers().stream().map(l -> l.name()).toList(), choice.uniform);
    try {
      options.checkAssignment(m, assignment);
    } catch (BadInputException e) {
      throw choice.config != null ? BadInputException.in(choice.config, e.getMessage()) : e;
    }
    FloatDesignRefusal.refuse(m, assignment, catalog, FloatDesignRefusal.COMPENSATION, choice.config);
    QuantizedModel q = options.calibrate(model, m, pre, calibSet);
    Compensation c;
    try (Kernels k = Kernels.create(options.threads(), KernelMode.fromSystemProperty())) {
      try {
        c = Compensator.compute(m, q, assignment, catalog, calibSet, cm, order, k, options.progress());
      } catch (BadInputException e) {
        throw choice.config != null ? BadInputException.in(choice.config, e.getMessage()) : e;
      }
    }
    double compensateSeconds = (System.nanoTime() - start) / 1e9;
    SessionOptions sessionOptions = options.plainSession();
    Evaluation before;
    Evaluation after;
    try (SimulationSession s = options.session(m, q, evalSet, catalog, sessionOptions)) {
      before = s.evaluate(assignment);
      after = s.evaluate(assignment, c.applyTo(q));
    }
    boolean onnx = out != null && out.getFileName().toString().endsWith(".onnx");
    Evaluation exported = null;
    if (onnx) {
      Path sidecar = Preprocessing.sidecarOf(out);
      OnnxExporter.write(CompensatedWeights.toFloat(m, c.applyTo(q), c), out);
      AtomicFiles.write(sidecar, pre.toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      ExportedQuantization.record(m, out, q);
      exported = evaluateExported(evalSet, calibSet, catalog, assignment, sessionOptions);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    String source = choice.config != null ? choice.config.toString() : "--uniform " + choice.uniform;
    ObjectNode report = report(c, q, assignment, source, before, after, evalSet.size(), compensateSeconds,
        seconds);
    if (exported != null) {
      ((ObjectNode) report.get("accuracy")).put("exportedRecalibrated", exported.assignment().top1());
      report.put("exportedModel", out.toAbsolutePath().toString());
    }
    if (out != null) {
      try {
        AtomicFiles.write(onnx ? jsonBeside(out) : out, JSON.writeValueAsBytes(report));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
    if (output.json()) {
      spec.commandLine().getOut().println(report.toPrettyString());
      spec.commandLine().getOut().flush();
      return 0;
    }
    printTable(spec.commandLine().getOut(), c, source, before, after, evalSet.size(), compensateSeconds, seconds);
    if (exported != null) {
      spec.commandLine().getOut().printf(Locale.ROOT, "%-16s %8.4f %10.2f   %s re-read and recalibrated%n",
          "exported", exported.assignment().top1(),
          100 * (before.exactQuantized().top1() - exported.assignment().top1()), out);
      spec.commandLine().getOut().flush();
    }
    return 0;
  }

  /** The files {@code --out} names: the JSON alone, or the model with its sidecar, quantization and JSON. */
  private static Path[] written(Path out) {
    return out.getFileName().toString().endsWith(".onnx")
        ? new Path[] {out, Preprocessing.sidecarOf(out), RecordedQuantization.fileOf(out), jsonBeside(out)}
        : new Path[] {out};
  }

  /** {@code M2.compensation.json} beside {@code M2.onnx}. */
  static Path jsonBeside(Path onnx) {
    String name = onnx.getFileName().toString();
    return onnx.resolveSibling(name.substring(0, name.length() - ".onnx".length()) + ".compensation.json");
  }

  /** The written ONNX file read back, calibrated afresh with the same options, and the assignment evaluated. */
  private Evaluation evaluateExported(Dataset evalSet, Dataset calibSet, MultiplierCatalog catalog,
      Assignment assignment, SessionOptions sessionOptions) {
    Model back = OnnxImporter.load(out);
    QuantizedModel q = options.calibrate(back, Preprocessing.requiredFor(out), calibSet);
    try (SimulationSession s = options.session(back, q, evalSet, catalog, sessionOptions)) {
      return s.evaluate(assignment);
    }
  }

  private ObjectNode report(Compensation c, QuantizedModel q, Assignment a, String source, Evaluation before,
      Evaluation after, int images, double compensateSeconds, double seconds) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", CompensationFile.FORMAT);
    root.put("formatVersion", CompensationFile.FORMAT_VERSION);
    root.put("model", model.toAbsolutePath().toString());
    root.put("dataset", data);
    root.put("split", options.split());
    root.put("images", images);
    root.put("source", source);
    root.set("assignment", AssignmentJson.toJson(a));
    ObjectNode acc = root.putObject("accuracy");
    acc.put("exactQuantized", before.exactQuantized().top1());
    acc.put("uncompensated", before.assignment().top1());
    acc.put("compensated", after.assignment().top1());
    double recovered = recovered(before, after);
    if (Double.isNaN(recovered)) {
      acc.putNull("recovered");
    } else {
      acc.put("recovered", recovered);
    }
    root.set("compensation", CompensationJson.toJson(c));
    root.set("quantization", q.toJson());
    root.put("compensateSeconds", compensateSeconds);
    root.put("seconds", seconds);
    return root;
  }

  /** Fraction of the top-1 drop (exact int8 minus uncompensated) the compensation wins back; NaN with no drop. */
  static double recovered(Evaluation before, Evaluation after) {
    double drop = before.exactQuantized().top1() - before.assignment().top1();
    return drop <= 0 ? Double.NaN : (after.assignment().top1() - before.assignment().top1()) / drop;
  }

  /** The accuracy rows every method prints: exact int, uncompensated and compensated, with drops. */
  static void printAccuracies(PrintWriter w, Evaluation before, Evaluation after) {
    w.printf(Locale.ROOT, "%-16s %8s %10s%n", "", "top1", "drop(pt)");
    double exact = before.exactQuantized().top1();
    w.printf(Locale.ROOT, "%-16s %8.4f %10s%n", "exact int", exact, "");
    w.printf(Locale.ROOT, "%-16s %8.4f %10.2f%n", "uncompensated", before.assignment().top1(),
        100 * (exact - before.assignment().top1()));
    double recovered = recovered(before, after);
    w.printf(Locale.ROOT, "%-16s %8.4f %10.2f   %s%n", "compensated", after.assignment().top1(),
        100 * (exact - after.assignment().top1()), Double.isNaN(recovered)
            ? "(no drop to recover: the assignment scores at least this model's exact int)"
            : String.format(Locale.ROOT, "recovered %.1f%% of the drop", 100 * recovered));
  }

  private void printTable(PrintWriter w, Compensation c, String source, Evaluation before, Evaluation after,
      int images, double compensateSeconds, double seconds) {
    w.printf(Locale.ROOT, "model        %s%n", model);
    w.printf(Locale.ROOT, "assignment   %s%n", source);
    w.printf(Locale.ROOT, "method       %s (bias order %s), %d calibration images%n", c.method().label(),
        CompensationJson.label(c.biasOrder()), options.calibrationImages());
    w.printf(Locale.ROOT, "images       %d (%s%s)%n", images, options.split(), options.heldOutNote());
    printAccuracies(w, before, after);
    w.printf(Locale.ROOT, "%-6s %-24s %14s %16s%n", "index", "layer", "remapped codes", "mean |bias delta|");
    for (LayerCompensation l : c.layers()) {
      int[] d = l.biasDelta();
      double mean = 0;
      for (int v : d) {
        mean += Math.abs(v) / (double) d.length;
      }
      w.printf(Locale.ROOT, "%-6d %-24s %14d %16.1f%n", l.index(), l.name(), l.remappedCodes(), mean);
    }
    w.printf(Locale.ROOT, "seconds      %.1f compensation, %.1f total%n", compensateSeconds, seconds);
    w.flush();
  }
}
