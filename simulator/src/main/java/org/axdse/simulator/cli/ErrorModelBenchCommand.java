package org.axdse.simulator.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.axdse.multipliers.cli.flags.OutputFormat;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.multipliers.util.Bounds;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.assign.LayerAssignment;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.data.DatasetSpec;
import org.axdse.simulator.data.Split;
import org.axdse.simulator.engine.Evaluation;
import org.axdse.simulator.engine.LayerResult;
import org.axdse.simulator.engine.SimulationSession;
import org.axdse.simulator.errormodel.ErrorModel;
import org.axdse.simulator.errormodel.LayerPrediction;
import org.axdse.simulator.kernels.KernelMode;
import org.axdse.simulator.kernels.Kernels;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.Preprocessing;
import org.axdse.simulator.onnx.OnnxImporter;
import org.axdse.simulator.quant.QuantizedModel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code axdse bench errormodel}: the per-layer error model against simulation. For each design (one multiplier
 * on every layer) it compares every approximate layer's predicted accumulator error with the one the simulator
 * measures over the evaluated images: relative difference of the standard deviations
 * {@code |std_pred - std_sim| / std_sim} and mean error in units of the simulated std
 * {@code |mean_pred - mean_sim| / std_sim}; medians per design and overall, the Spearman rank correlation of the
 * predicted and simulated stds over all (design, layer) pairs, and the time of one (layer, multiplier) model
 * build and of one (cached) assignment query. Default: the shared CIFAR-10 ResNet-20, 1,000 test images drawn
 * with seed 2 ({@code --limit N}: N images; the CIFAR-10 test file is sorted by class, so not the first N).
 */
@Command(
    name = "errormodel",
    mixinStandardHelpOptions = true,
    description = "Per-layer error model vs simulation: predicted against simulated accumulator error mean and std"
        + " per layer, per design and overall, and model build/query times (default: shared CIFAR-10 ResNet-20).")
public final class ErrorModelBenchCommand implements Callable<Integer> {
  private static final List<String> SIGNED = List.of("s8x8_trunc6", "s8x8_trunc10_vc", "s8x8_bam_h1v4",
      "s8x8_bam_h2v8", "s8x8_drum4", "s8x8_drum6", "s8x8_mitchell", "s8x8_perf_r0r1", "s8x8_ama1_c6",
      "s8x8_ama5_c8");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin BenchModelOptions bench;

  @Mixin QuantizationOptions options;

  @Option(names = "--multipliers", split = ",", paramLabel = "NAME",
      description = "designs, each on every layer (default: ten s8x8 designs with --quant sym, the u8x8 "
          + "designs of the same families with --quant asym)")
  List<String> multipliers;

  @Option(names = "--isolated", description = "make one layer approximate at a time (the others exact), so each "
      + "layer sees the calibration distribution and only the model's independence assumption is measured "
      + "(one evaluation per layer and design)")
  boolean isolated;

  @Option(names = "--queries", description = "repetitions of the timed assignment query (default: "
      + "${DEFAULT-VALUE})")
  int queries = 200;

  @Mixin OutputFormat output;

  @Override
  public Integer call() {
    boolean json = output.check() == OutputFormat.Format.JSON;
    options.check();
    Bounds.check("--queries", queries, 1, Bounds.MAX_REPEATS);
    Path file = bench.modelFile();
    Preprocessing pre = bench.preprocess.forModel(file);
    Model m = OnnxImporter.load(file);
    DatasetSpec ds = bench.dataset();
    int images = options.limit != null ? options.limit : 1000;
    Dataset split = ds.load(options.split().equals("test") ? Split.TEST : Split.TRAIN);
    Dataset test = images >= split.size() ? split : split.subset(images, 2L);
    Dataset calib = options.calibrationSet(ds);
    MultiplierCatalog catalog = options.catalog();
    List<String> designs = multipliers != null ? multipliers : SIGNED.stream()
        .map(n -> options.quant.equals("asym") ? "u8x8" + n.substring(4) : n).toList();
    QuantizedModel q = options.calibrate(m, pre, calib);
    ErrorModel em;
    try (Kernels k = Kernels.create(options.threads(), KernelMode.fromSystemProperty())) {
      em = ErrorModel.open(m, q, catalog, calib, k);
    }
    List<String> names = m.approximableLayers().stream().map(l -> l.name()).toList();
    PrintWriter out = spec.commandLine().getOut();
    ObjectNode root = new ObjectMapper().createObjectNode();
    root.put("model", m.name()).put("isolated", isolated).put("images", test.size())
        .put("calibrationImages", calib.size())
        .put("quantization", q.config().describe());
    ArrayNode rows = root.putArray("designs");
    DescriptiveStatistics stdAll = new DescriptiveStatistics();
    DescriptiveStatistics meanAll = new DescriptiveStatistics();
    List<double[]> pairs = new ArrayList<>();
    double buildSeconds = 0;
    int builds = 0;
    double querySeconds = 0;
    var session = options.session(m, q, test, catalog, options.plainSession().withLayerStatistics(true)
        .withStatisticsImages(test.size()));
    try (SimulationSession s = session) {
      if (!json) {
        out.printf(Locale.ROOT, "model %s, %d images (%d calibration), %s%s%n", m.name(), test.size(),
            calib.size(), q.config().describe(), isolated ? ", one approximate layer at a time" : "");
        out.printf(Locale.ROOT, "%-18s %7s %13s %13s %13s %13s%n", "design", "top-1", "std rel.diff",
            "(max)", "|dmean|/std", "(max)");
      }
      for (String d : designs) {
        Assignment a = Assignment.uniform(names, d);
        long t = System.nanoTime();
        List<LayerPrediction> predicted = em.predict(a);
        buildSeconds += (System.nanoTime() - t) / 1e9;
        builds += names.size();
        t = System.nanoTime();
        for (int i = 0; i < queries; i++) {
          em.predict(a);
        }
        querySeconds += (System.nanoTime() - t) / 1e9 / queries;
        Evaluation e = isolated ? null : s.evaluate(a);
        List<LayerResult> simulated = isolated ? isolated(s, names, d) : e.layers();
        double top1 = isolated ? Double.NaN : e.assignment().top1();
        DescriptiveStatistics std = new DescriptiveStatistics();
        DescriptiveStatistics mean = new DescriptiveStatistics();
        ObjectNode row = rows.addObject().put("design", d).put("top1", top1);
        ArrayNode layers = row.putArray("layers");
        for (LayerResult l : simulated) {
          LayerPrediction p = predicted.get(l.index());
          if (l.errorStd() == null || l.errorStd() == 0) {
            continue;
          }
          double rs = Math.abs(p.std() - l.errorStd()) / l.errorStd();
          double rm = Math.abs(p.mean() - l.errorMean()) / l.errorStd();
          std.addValue(rs);
          mean.addValue(rm);
          pairs.add(new double[] {p.std(), l.errorStd()});
          layers.addObject().put("layer", l.name()).put("predictedMean", p.mean()).put("predictedStd", p.std())
              .put("simulatedMean", l.errorMean()).put("simulatedStd", l.errorStd());
        }
        Arrays.stream(std.getValues()).forEach(stdAll::addValue);
        Arrays.stream(mean.getValues()).forEach(meanAll::addValue);
        row.put("medianStdRelDiff", std.getPercentile(50)).put("maxStdRelDiff", std.getMax())
            .put("medianMeanOverStd", mean.getPercentile(50)).put("maxMeanOverStd", mean.getMax());
        if (!json) {
          out.printf(Locale.ROOT, "%-18s %6.2f%% %12.1f%% %12.1f%% %12.1f%% %12.1f%%%n", d,
              100 * top1, 100 * std.getPercentile(50), 100 * std.getMax(),
              100 * mean.getPercentile(50), 100 * mean.getMax());
          out.flush();
        }
      }
    }
    double rho = pairs.size() < 2 ? Double.NaN : new SpearmansCorrelation().correlation(
        pairs.stream().mapToDouble(p -> p[0]).toArray(), pairs.stream().mapToDouble(p -> p[1]).toArray());
    double buildMs = 1000 * buildSeconds / Math.max(1, builds);
    double queryMs = 1000 * querySeconds / designs.size();
    root.put("pairs", stdAll.getN()).put("medianStdRelDiff", stdAll.getPercentile(50))
        .put("p90StdRelDiff", stdAll.getPercentile(90)).put("medianMeanOverStd", meanAll.getPercentile(50))
        .put("p90MeanOverStd", meanAll.getPercentile(90)).put("spearmanStd", rho)
        .put("buildMillisPerLayerMultiplier", buildMs).put("queryMillisPerAssignment", queryMs);
    if (json) {
      out.println(root.toPrettyString());
    } else {
      out.printf(Locale.ROOT, "overall (%d layer-design pairs): median std rel.diff %.1f%% (90th pct %.1f%%), "
          + "median |dmean|/std %.1f%% (90th pct %.1f%%), Spearman rho of stds %.4f%n", stdAll.getN(),
          100 * stdAll.getPercentile(50), 100 * stdAll.getPercentile(90), 100 * meanAll.getPercentile(50),
          100 * meanAll.getPercentile(90), rho);
      out.printf(Locale.ROOT, "time: %.2f ms per (layer, multiplier) model build, %.4f ms per assignment query "
          + "(cached)%n", buildMs, queryMs);
    }
    out.flush();
    return 0;
  }

  /** Layer i's statistics with {@code design} on layer i alone, for every layer. */
  private static List<LayerResult> isolated(SimulationSession s, List<String> names, String design) {
    List<LayerResult> out = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      out.add(s.evaluate(Assignment.allExact().with(names.get(i), new LayerAssignment.Uniform(design))).layers()
          .get(i));
    }
    return out;
  }
}
