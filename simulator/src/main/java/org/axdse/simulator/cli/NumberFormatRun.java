package org.axdse.simulator.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.engine.WidthSet;
import org.axdse.simulator.data.DatasetSpec;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.Preprocessing;
import org.axdse.simulator.numformat.FormatChoice;
import org.axdse.simulator.numformat.FormatEvaluation;
import org.axdse.simulator.numformat.FormatLayer;
import org.axdse.simulator.numformat.FormatNetwork;
import org.axdse.simulator.onnx.OnnxImporter;
import org.axdse.simulator.quant.CalibrationMethod;
import picocli.CommandLine;

/** {@code axdse evaluate --number-format}: calibrates, evaluates and prints a float-format network. */
final class NumberFormatRun {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private NumberFormatRun() {}

  /** Runs {@code c} with its {@code --number-format}; integer-path flags are refused in one line first. */
  static int run(EvaluateCommand c) {
    NumberFormatOptions formats = c.numberFormat;
    if (!formats.given()) {
      throw new CommandLine.ParameterException(c.spec.commandLine(), "--scale, --accumulate and --weight-calib need "
          + "--number-format");
    }
    FormatChoice choice = formats.choice();
    String conflict = !c.options.quant.equals("sym") ? "--quant" : c.options.perChannel ? "--per-channel (use "
        + "--scale channel)" : !c.options.widths().equals(WidthSet.of(8)) ? "--weight-bits" : c.choice != null ? "--config/--uniform"
        : c.layerStats ? "--layer-stats" : c.arch != null ? "--arch" : null;
    if (conflict != null) {
      throw new BadInputException("--number-format " + formats.format + ": " + conflict
          + " belongs to the integer path and does not apply");
    }
    if (c.model == null || c.data == null) {
      throw new CommandLine.ParameterException(c.spec.commandLine(), "--model and --data are required");
    }
    Preprocessing pre = c.preprocess.forModel(c.model);
    // the layers run their samples in parallel streams: a pool of --threads threads carries them
    java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(c.options.threads());
    try {
      return pool.submit(() -> run(c.model, pre, c.data, c.options, choice, !c.noFloat, c.output.json(),
          c.spec.commandLine().getOut())).get();
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      pool.shutdown();
    }
  }

  private static int run(Path modelFile, Preprocessing pre, String data, QuantizationOptions options,
      FormatChoice choice, boolean withFloat, boolean json, PrintWriter out) {
    long start = System.nanoTime();
    Model m = OnnxImporter.load(modelFile);
    DatasetSpec ds = DatasetSpec.parse(data);
    Dataset evalSet = options.evaluationSet(ds, m);
    Dataset calibSet = options.calibrationSet(ds);
    CalibrationMethod method = CalibrationMethod.parse(options.calibMethod);
    FormatNetwork net = FormatNetwork.calibrate(m, pre, calibSet, choice, method, options.progress());
    double calibSeconds = (System.nanoTime() - start) / 1e9;
    long t = System.nanoTime();
    FormatEvaluation e = FormatEvaluation.run(net, evalSet, pre, withFloat, options.progress());
    double evalSeconds = (System.nanoTime() - t) / 1e9;
    if (json) {
      ObjectNode root = JSON.createObjectNode();
      root.put("model", modelFile.toString());
      root.put("data", evalSet.toString());
      root.put("images", e.images());
      ObjectNode f = root.putObject("numberFormat");
      f.put("format", choice.format().name());
      f.put("scale", choice.scale().label());
      f.put("accumulate", choice.accumulator().label());
      f.put("calibration", method.label());
      f.put("weightCalibration", choice.weightMse() ? "mse" : "amax");
      ObjectNode ev = root.putObject("evaluation"); // null, not "NaN", where the float model was not run
      ev.put("images", e.images());
      ev.put("floatTop1", Double.isNaN(e.floatTop1()) ? null : e.floatTop1());
      ev.put("formatTop1", e.formatTop1());
      ev.put("agreement", Double.isNaN(e.agreement()) ? null : e.agreement());
      ArrayNode layers = root.putArray("layers");
      for (FormatLayer l : net.layers()) {
        ObjectNode n = layers.addObject();
        n.put("name", l.layer().name());
        n.put("kind", l.layer().kind());
        n.put("activationScale", l.activationScale());
        n.put("exactSums", l.exactSums());
      }
      root.putObject("seconds").put("calibration", calibSeconds).put("evaluate", evalSeconds);
      try {
        out.println(JSON.writeValueAsString(root));
      } catch (JsonProcessingException ex) {
        throw new IllegalStateException(ex);
      }
    } else {
      out.printf(Locale.ROOT, "model %s (%s), %,d images of %s%n", m.name(), modelFile, e.images(), evalSet.name());
      out.printf(Locale.ROOT, "number format %s, scale %s, accumulate %s, activation ranges %s (%d images), "
          + "weight scales %s%n", choice.format().name(), choice.scale().label(), choice.accumulator().label(),
          method.label(), calibSet.size(), choice.weightMse() ? "mse" : "amax");
      out.println();
      out.printf(Locale.ROOT, "accuracy       top-1%n");
      out.printf(Locale.ROOT, "float          %s%n", Double.isNaN(e.floatTop1()) ? "-" : percent(e.floatTop1()));
      out.printf(Locale.ROOT, "%-14s %s%n", choice.format().name(), percent(e.formatTop1()));
      if (!Double.isNaN(e.floatTop1())) {
        out.printf(Locale.ROOT, "top-1 drop vs float: %.2f pp; agreement with float: %.2f%%%n",
            100 * (e.floatTop1() - e.formatTop1()), 100 * e.agreement());
      }
      long inexact = net.layers().stream().filter(l -> !l.exactSums()).count();
      if (inexact > 0) {
        out.printf(Locale.ROOT, "note: %d layer(s) sum in double without a proof of exactness (see "
            + "docs/number-formats-simulation.md)%n", inexact);
      }
      out.printf(Locale.ROOT, "time: calibration %.1f s, evaluation %.1f s%n", calibSeconds, evalSeconds);
    }
    out.flush();
    return 0;
  }

  private static String percent(double v) {
    return String.format(Locale.ROOT, "%6.2f%%", 100 * v);
  }
}
