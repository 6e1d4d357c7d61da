package org.axdse.simulator.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.axdse.multipliers.cli.flags.OutputFormat;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.multipliers.util.Bounds;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.data.DatasetSpec;
import org.axdse.simulator.data.Split;
import org.axdse.simulator.deploy.DeployJson;
import org.axdse.simulator.engine.SetupPhase;
import org.axdse.simulator.engine.SimulationSession;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.Preprocessing;
import org.axdse.simulator.onnx.OnnxImporter;
import org.axdse.simulator.predict.AccuracyPredictor;
import org.axdse.simulator.predict.CalibrationQuality;
import org.axdse.simulator.predict.FitPoints;
import org.axdse.simulator.predict.LayerRatios;
import org.axdse.simulator.predict.NoiseFidelity;
import org.axdse.simulator.predict.NoiseFigure;
import org.axdse.simulator.predict.PredictorSetup;
import org.axdse.simulator.predict.TopOneRange;
import org.axdse.simulator.quant.QuantizedModel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code axdse bench predict}: the accuracy prediction against simulation. Draws {@code --points} random
 * layer-wise assignments of the library (every second one compensated {@code both}), simulates each on the
 * evaluated images, and scores the predictions with each point held back in turn (the map fitted on the
 * others, between chance and the exact network's top-1): Spearman rho, R^2 and mean absolute error, overall and
 * per half; also the rank correlation of the raw noise figure, the noise-injection fidelity's figures with
 * {@code --noise-injection}, and the prediction cost per assignment. Default: the shared CIFAR-10 ResNet-20, 2,000 test images drawn with seed 2.
 */
@Command(
    name = "predict",
    mixinStandardHelpOptions = true,
    description = "Accuracy prediction vs simulation on random layer-wise assignments: held-back Spearman rho, R^2,"
        + " mean absolute error, prediction cost (default: shared CIFAR-10 ResNet-20, 2,000 images).")
public final class PredictBenchCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin BenchModelOptions bench;

  @Mixin QuantizationOptions options;

  @Option(names = "--points", paramLabel = "N", description = "random assignments (default: ${DEFAULT-VALUE})")
  int points = 60;

  @Option(names = "--sensitivity-images", paramLabel = "N", description = "calibration images of the "
      + "sensitivity measurement (default: ${DEFAULT-VALUE})")
  int sensitivityImages = 256;

  @Option(names = "--seed", paramLabel = "S", description = "seed of the assignments and the noise (default: "
      + "${DEFAULT-VALUE})")
  long seed = 1;

  @Option(names = "--noise-injection", description = "also evaluate every point with the noise-injection "
      + "fidelity (one exact evaluation each)")
  boolean noiseInjection;

  @Mixin OutputFormat output;

  @Override
  public Integer call() {
    boolean json = output.check() == OutputFormat.Format.JSON;
    options.check();
    Bounds.check("--points", points, 3, Bounds.MAX_COUNT);
    Bounds.images("--sensitivity-images", sensitivityImages, 1);
    Path file = bench.modelFile();
    Preprocessing pre = bench.preprocessingOrBundled(file);
    Model m = OnnxImporter.load(file);
    PredictorSetup.check(file.toString(), m);
    DatasetSpec ds = bench.dataset();
    int images = options.limit != null ? options.limit : 2000;
    Dataset split = ds.load(options.split().equals("test") ? Split.TEST : Split.TRAIN);
    Dataset test = images >= split.size() ? split : split.subset(images, 2L);
    Dataset calib = options.calibrationSet(ds);
    MultiplierCatalog catalog = options.catalog();
    QuantizedModel q = options.calibrate(file, m, pre, calib);
    String sha = DeployJson.sha256(file);
    List<SetupPhase> phases = new ArrayList<>();
    AccuracyPredictor predictor = PredictorSetup.open(m, q, catalog, calib, sensitivityImages, options.threads(),
        sha, options.cache(), seed, options.progress(), phases::add);
    List<FitPoints.Draw> draws = FitPoints.draws(m.approximableLayers(), FitPoints.candidates(catalog, q), points,
        seed);
    double[] noise = new double[points];
    double[] meanPart = new double[points];
    List<LayerRatios> ratios = new ArrayList<>();
    double[] simulated = new double[points];
    double[] injected = new double[points];
    PrintWriter out = spec.commandLine().getOut();
    long t = System.nanoTime();
    for (int i = 0; i < points; i++) {
      ratios.add(predictor.ratios(draws.get(i).assignment(), draws.get(i).method()));
      var n = NoiseFigure.of(ratios.get(i), predictor.sensitivity());
      noise[i] = n.total();
      meanPart[i] = n.meanPart();
    }
    double firstMs = (System.nanoTime() - t) / 1e6 / points;
    var cpu = java.lang.management.ManagementFactory.getThreadMXBean();
    int rounds = 5;
    t = System.nanoTime();
    long c = cpu.getCurrentThreadCpuTime();
    for (int r = 0; r < rounds; r++) {
      for (int i = 0; i < points; i++) {
        predictor.predict(draws.get(i).assignment(), draws.get(i).method());
      }
    }
    double cachedMs = (System.nanoTime() - t) / 1e6 / points / rounds;
    double cachedCpuMs = (cpu.getCurrentThreadCpuTime() - c) / 1e6 / points / rounds;
    double exact;
    long simStart = System.nanoTime();
    double injectionSeconds = 0;
    try (SimulationSession s = options.session(file, m, q, test, catalog, options.plainSession())) {
      exact = s.exactAccuracy().top1();
      int[] all = new int[s.size()];
      java.util.Arrays.setAll(all, i -> i);
      double[] top1 = FitPoints.cached(options.cache(), s, predictor, catalog, sha, draws, options.progress(),
          phases::add);
      System.arraycopy(top1, 0, simulated, 0, points);
      double fitSeconds = (System.nanoTime() - simStart) / 1e9;
      for (int i = 0; i < points; i++) {
        if (noiseInjection) {
          FitPoints.Draw d = draws.get(i);
          var errors = d.method() == null ? predictor.errors().predict(d.assignment())
              : predictor.errors().predict(d.assignment(), predictor.compensation(d.assignment(), d.method()));
          injected[i] = NoiseFidelity.top1(s, errors, all, seed + i);
        }
        if (!json) {
          out.printf(Locale.ROOT, "%3d %-5s %2d approximate  noise %10.4g (mean part %10.4g)  simulated %6.2f%%%s%n",
              i, draws.get(i).method() == null ? "none" : "both", draws.get(i).assignment().layers().size(),
              noise[i], meanPart[i], 100 * simulated[i], noiseInjection ? String.format(Locale.ROOT,
                  "  injected %6.2f%%", 100 * injected[i]) : "");
          out.flush();
        }
      }
      injectionSeconds = (System.nanoTime() - simStart) / 1e9 - fitSeconds;
    }
    ObjectNode root = new ObjectMapper().createObjectNode();
    root.put("model", m.name()).put("images", test.size()).put("calibrationImages", calib.size())
        .put("quantization", q.config().describe()).put("exactTop1", exact).put("points", points);
    double[] variancePart = new double[points];
    for (int i = 0; i < points; i++) {
      variancePart[i] = noise[i] - meanPart[i];
    }
    double raw = new SpearmansCorrelation().correlation(noise, simulated);
    TopOneRange range = TopOneRange.of(exact, test.classCount());
    CalibrationQuality all = CalibrationQuality.leaveOneOut(variancePart, meanPart, simulated, range);
    CalibrationQuality none = half(variancePart, meanPart, simulated, 0, range);
    CalibrationQuality both = half(variancePart, meanPart, simulated, 1, range);
    double floor = 2.0 / test.classCount();
    CalibrationQuality standing = standing(CalibrationQuality.heldBack(variancePart, meanPart, simulated, range),
        simulated, floor);
    root.put("spearmanNoiseVsTop1", raw);
    put(root.putObject("heldBack"), all);
    put(root.putObject("heldBackUncompensated"), none);
    put(root.putObject("heldBackCompensated"), both);
    put(root.putObject("heldBackAboveCollapse").put("floor", floor), standing);
    if (noiseInjection) {
      put(root.putObject("noiseInjection"), CalibrationQuality.of(injected, simulated));
    }
    root.put("predictMillisFirst", firstMs).put("predictMillisCached", cachedMs)
        .put("predictCpuMillisCached", cachedCpuMs)
        .put("noiseInjectionSecondsPerPoint", injectionSeconds / points);
    ArrayNode rows = root.putArray("assignments");
    for (int i = 0; i < points; i++) {
      ObjectNode r = rows.addObject().put("compensation", draws.get(i).method() == null ? "none" : "both")
          .put("approximateLayers", draws.get(i).assignment().layers().size()).put("noise", noise[i])
          .put("noiseFromMean", meanPart[i]).put("assignment", draws.get(i).assignment().layers().toString())
          .put("simulatedTop1", simulated[i]);
      if (noiseInjection) {
        r.put("noiseInjectionTop1", injected[i]);
      }
      PredictBenchDump.ratios(r.putObject("layers"), ratios.get(i));
    }
    PredictBenchDump.sensitivity(root.putObject("sensitivity"), predictor.sensitivity());
    ArrayNode setup = root.putArray("setup");
    phases.forEach(p -> setup.addObject().put("phase", p.name()).put("wallSeconds", p.wallSeconds())
        .put("cpuSeconds", p.cpuSeconds()).put("how", p.how()));
    if (json) {
      out.println(root.toPrettyString());
    } else {
      out.printf(Locale.ROOT, "model %s, %d images (%d calibration), %s, exact top-1 %.2f%%%n", m.name(),
          test.size(), calib.size(), q.config().describe(), 100 * exact);
      out.printf(Locale.ROOT, "Spearman rho of noise figure vs simulated top-1: %.4f (negative: more noise, "
          + "lower top-1)%n", raw);
      line(out, "held back, all " + points, all);
      line(out, "held back, uncompensated", none);
      line(out, "held back, compensated", both);
      line(out, String.format(Locale.ROOT, "held back, simulated >= %.0f%%", 100 * floor), standing);
      if (noiseInjection) {
        line(out, "noise injection vs simulation", CalibrationQuality.of(injected, simulated));
      }
      phases.forEach(p -> out.println(p.line()));
      out.printf(Locale.ROOT, "prediction: %.3f ms per assignment (first, incl. per-(layer, multiplier) model "
          + "builds and compensation), %.3f ms cached (%.3f ms CPU)%s%n", firstMs, cachedMs, cachedCpuMs, noiseInjection ? String.format(
          Locale.ROOT, "; noise injection %.2f s per assignment", injectionSeconds / points) : "");
    }
    out.flush();
    return 0;
  }

  /**
   * The figures of the held-back predictions {@code held} (each point fitted without it, on all the others) over
   * the points that did not collapse: simulated top-1 at least {@code floor} (twice chance). Below it a network
   * is destroyed and its top-1 (8-20% for ten classes) says more about which class it now always answers than
   * about how much noise destroyed it, so the order of those points is not a prediction target.
   */
  private static CalibrationQuality standing(double[] held, double[] simulated, double floor) {
    int n = 0;
    for (double y : simulated) {
      n += y >= floor ? 1 : 0;
    }
    double[] h = new double[n];
    double[] y = new double[n];
    for (int i = 0, k = 0; i < simulated.length; i++) {
      if (simulated[i] >= floor) {
        h[k] = held[i];
        y[k++] = simulated[i];
      }
    }
    return n < 3 ? new CalibrationQuality(n, Double.NaN, Double.NaN, Double.NaN) : CalibrationQuality.of(h, y);
  }

  /** Leave-one-out quality within the half of the points with index parity {@code parity}. */
  private static CalibrationQuality half(double[] v, double[] m, double[] y, int parity, TopOneRange range) {
    int n = (y.length - parity + 1) / 2;
    double[] hv = new double[n];
    double[] hm = new double[n];
    double[] hy = new double[n];
    for (int i = parity, k = 0; i < y.length; i += 2, k++) {
      hv[k] = v[i];
      hm[k] = m[i];
      hy[k] = y[i];
    }
    return CalibrationQuality.leaveOneOut(hv, hm, hy, range);
  }

  private static void put(ObjectNode n, CalibrationQuality c) {
    n.put("points", c.points()).put("spearman", c.spearman()).put("rSquared", c.rSquared())
        .put("meanAbsoluteErrorPoints", c.meanAbsoluteError());
  }

  private static void line(PrintWriter out, String what, CalibrationQuality c) {
    out.printf(Locale.ROOT, "%-32s %3d points: Spearman rho %.4f, R^2 %.4f, MAE %.2f points%n", what, c.points(),
        c.spearman(), c.rSquared(), c.meanAbsoluteError());
  }
}
