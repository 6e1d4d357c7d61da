package org.axdse.simulator.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.assign.AssignmentJson;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.engine.Accuracy;
import org.axdse.simulator.engine.Evaluation;
import org.axdse.simulator.engine.LayerResult;
import org.axdse.simulator.errormodel.LayerPrediction;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.quant.QuantizedModel;

/**
 * The output of {@code axdse evaluate}: a human-readable table or one JSON document. {@code weightMemory} is the
 * bits of the weights relative to 8-bit weights ({@code WeightMemory}).
 */
record EvaluationReport(Path file, Model model, Dataset data, QuantizedModel quant, Assignment assignment,
    String source, Evaluation evaluation, double[] seconds, List<LayerPrediction> predicted, double weightMemory) {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  void printJson(PrintWriter out) {
    ObjectNode root = JSON.createObjectNode();
    root.put("model", file.toString());
    root.put("data", data.toString());
    root.put("images", evaluation.images());
    root.put("assignmentSource", source);
    root.set("assignment", AssignmentJson.toJson(assignment));
    root.set("evaluation", JSON.valueToTree(evaluation));
    root.put("weightMemory", weightMemory);
    root.set("quantization", quant.toJson());
    if (predicted != null) {
      LayerStatsPrediction.addJson(root, evaluation, predicted);
    }
    ObjectNode t = root.putObject("seconds");
    t.put("calibration", seconds[0]);
    t.put("open", seconds[1]);
    t.put("evaluate", seconds[2]);
    try {
      out.println(JSON.writeValueAsString(root));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    out.flush();
  }

  void printTable(PrintWriter out) {
    Evaluation e = evaluation;
    out.printf(Locale.ROOT, "model %s (%s), %,d images of %s%n", model.name(), file, e.images(), data.name());
    out.printf(Locale.ROOT, "quantization %s; assignment: %s%n", quant.config().describe(), source);
    out.println();
    out.printf(Locale.ROOT, "accuracy       top-1    top-5%n");
    row(out, "float", e.floatModel());
    row(out, "exact-int8", e.exactQuantized());
    row(out, "assignment", e.assignment());
    out.printf(Locale.ROOT, "top-1 drop vs exact-int8: %.2f pp; agreement with exact-int8: %.2f%%%n", e.top1Drop(),
        100 * e.agreement());
    if (e.multiplierEnergy() != null) {
      out.printf(Locale.ROOT, "relative energy: multiplier-only %.4f, system %.4f%n", e.multiplierEnergy(),
          e.systemEnergy());
    } else {
      out.printf(Locale.ROOT, "relative energy: n/a (%s)%n", e.energyNote());
    }
    out.printf(Locale.ROOT, "weight memory: %.4f of 8-bit weights%n", weightMemory);
    out.println();
    int w = Math.max(5, e.layers().stream().mapToInt(l -> l.name().length()).max().orElse(5));
    String head = "%3s  %-" + w + "s %-6s %12s  %-28s %9s %14s %14s";
    out.printf(Locale.ROOT, head, "#", "layer", "kind", "MACs", "multiplier(s)", "rel.power", "acc.err mean",
        "acc.err std");
    out.println(predicted == null ? "" : String.format(Locale.ROOT, " %14s %14s", "predicted mean", "predicted std"));
    for (LayerResult l : e.layers()) {
      out.printf(Locale.ROOT, "%3d  %-" + w + "s %-6s %,12d  %-28s %9s %14s %14s", l.index(), l.name(), l.kind(),
          l.macs(), multipliers(l), l.relativePower() == null ? "n/a" : String.format(Locale.ROOT, "%.4f",
              l.relativePower()), number(l.errorMean()), number(l.errorStd()));
      LayerPrediction p = predicted == null ? null : predicted.get(l.index());
      out.println(p == null ? "" : String.format(Locale.ROOT, " %14.2f %14.2f", p.mean(), p.std()));
    }
    out.println();
    out.printf(Locale.ROOT, "time: calibration %.1f s, session open %.1f s, evaluation %.1f s%n", seconds[0],
        seconds[1], seconds[2]);
    out.flush();
  }

  private static void row(PrintWriter out, String name, Accuracy a) {
    if (a == null) {
      out.printf(Locale.ROOT, "%-12s %7s %8s%n", name, "skipped", "");
      return;
    }
    out.printf(Locale.ROOT, "%-12s %6.2f%% %8s%n", name, 100 * a.top1(),
        a.top5() == null ? "-" : String.format(Locale.ROOT, "%.2f%%", 100 * a.top5()));
  }

  private static String number(Double v) {
    return v == null ? "-" : String.format(Locale.ROOT, "%.2f", v);
  }

  /** One name, or a per-channel summary such as {@code 16 ch: u8x8_trunc2 x12, u8x8_exact x4}. */
  static String multipliers(LayerResult l) {
    if (l.multipliers().size() == 1) {
      return l.multipliers().get(0);
    }
    Map<String, Long> counts = l.multipliers().stream()
        .collect(Collectors.groupingBy(s -> s, LinkedHashMap::new, Collectors.counting()));
    return l.multipliers().size() + " ch: " + counts.entrySet().stream().map(x -> x.getKey() + " x" + x.getValue())
        .collect(Collectors.joining(", "));
  }
}
