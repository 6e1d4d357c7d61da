package org.axdse.simulator.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.predict.CalibrationQuality;
import org.axdse.simulator.predict.Prediction;
import org.axdse.simulator.predict.Sensitivity;
import org.axdse.simulator.quant.QuantizedModel;

/** What {@code axdse predict} prints: the prediction, its calibration quality, per-layer noise, and the checks. */
final class PredictReport {
  private final Path file;
  private final Model model;
  private final int images;
  private final QuantizedModel quant;
  private final String source;
  private final String compensation;
  private final Prediction prediction;
  private final Sensitivity sensitivity;
  private final double exactTop1;
  private Double simulated;
  private Double injected;
  private String heldOut = "";

  PredictReport(Path file, Model model, int images, QuantizedModel quant, String source, String compensation,
      Prediction prediction, Sensitivity sensitivity, double exactTop1) {
    this.file = file;
    this.model = model;
    this.images = images;
    this.quant = quant;
    this.source = source;
    this.compensation = compensation;
    this.prediction = prediction;
    this.sensitivity = sensitivity;
    this.exactTop1 = exactTop1;
  }

  /** The {@code --calib-data holdout} note after the image count ({@code ", N held out for calibration"}). */
  void heldOut(String note) {
    heldOut = note;
  }

  void simulated(double top1) {
    simulated = top1;
  }

  void injected(double top1) {
    injected = top1;
  }

  void printTable(PrintWriter out) {
    CalibrationQuality c = prediction.quality();
    out.printf(Locale.ROOT, "model       %s (%s), %d images%s, %s%n", file, model.name(), images, heldOut,
        quant.config().describe());
    out.printf(Locale.ROOT, "assignment  %s%s%n", source, compensation == null ? "" : ", compensated: "
        + compensation);
    out.printf(Locale.ROOT, "%-16s %8s%n", "", "top-1 %");
    out.printf(Locale.ROOT, "%-16s %8.2f%n", "exact int", 100 * exactTop1);
    out.printf(Locale.ROOT, "%-16s %8.2f   modelled logit noise %.4g%n", "predicted", 100 * prediction.top1(),
        prediction.noise().total());
    if (simulated != null) {
      out.printf(Locale.ROOT, "%-16s %8.2f   prediction error %+.2f points%n", "simulated", 100 * simulated,
          100 * (prediction.top1() - simulated));
    }
    if (injected != null) {
      out.printf(Locale.ROOT, "%-16s %8.2f%n", "noise injection", 100 * injected);
    }
    out.printf(Locale.ROOT, "calibration: fitted on %d simulated assignments; each held back in turn: Spearman "
        + "rho %.3f, R^2 %.3f, mean absolute error %.2f points%n", c.points(), c.spearman(), c.rSquared(),
        c.meanAbsoluteError());
    out.printf(Locale.ROOT, "%-24s %12s %12s %14s%n", "layer", "noise/signal", "sensitivity", "noise share %");
    double[] nsr = prediction.noise().nsr();
    double[] parts = prediction.noise().parts();
    double total = prediction.noise().total();
    for (int l = 0; l < nsr.length; l++) {
      double part = parts[l];
      out.printf(Locale.ROOT, "%-24s %12.4g %12.4g %14.1f%n", model.approximableLayers().get(l).name(), nsr[l],
          sensitivity.weight(l), total == 0 ? 0 : 100 * part / total);
    }
    out.flush();
  }

  void printJson(PrintWriter out) {
    ObjectNode root = new ObjectMapper().createObjectNode();
    root.put("model", file.toString()).put("images", images).put("quantization", quant.config().describe())
        .put("assignment", source).put("compensation", compensation).put("exactTop1", exactTop1)
        .put("predictedTop1", prediction.top1()).put("noise", prediction.noise().total());
    if (simulated != null) {
      root.put("simulatedTop1", simulated);
    }
    if (injected != null) {
      root.put("noiseInjectionTop1", injected);
    }
    CalibrationQuality c = prediction.quality();
    root.putObject("calibration").put("points", c.points()).put("spearman", c.spearman())
        .put("rSquared", c.rSquared()).put("meanAbsoluteErrorPoints", c.meanAbsoluteError());
    ArrayNode layers = root.putArray("layers");
    double[] nsr = prediction.noise().nsr();
    for (int l = 0; l < nsr.length; l++) {
      layers.addObject().put("name", model.approximableLayers().get(l).name()).put("noiseToSignal", nsr[l])
          .put("sensitivity", sensitivity.weight(l)).put("offsetSensitivity", sensitivity.meanWeight(l))
          .put("noise", prediction.noise().parts()[l]);
    }
    out.println(root.toPrettyString());
    out.flush();
  }
}
