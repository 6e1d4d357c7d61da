package org.axdse.simulator.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.axdse.multipliers.cli.flags.OutputFormat;
import org.axdse.multipliers.util.AtomicFiles;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.multipliers.util.Bounds;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.data.DatasetSpec;
import org.axdse.simulator.data.Split;
import org.axdse.simulator.engine.Evaluation;
import org.axdse.simulator.engine.SimulationSession;
import org.axdse.simulator.model.ApproximableLayer;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.Preprocessing;
import org.axdse.simulator.onnx.OnnxImporter;
import org.axdse.simulator.quant.ModelQuantizer;
import org.axdse.simulator.quant.QuantizedModel;
import org.axdse.simulator.share.InertiaScreen;
import org.axdse.simulator.share.InputEnergy;
import org.axdse.simulator.share.ShareGranularity;
import org.axdse.simulator.share.SharedModel;
import org.axdse.simulator.share.SharingMemory;
import org.axdse.simulator.share.SharingPlan;
import org.axdse.simulator.share.WeightSharing;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code axdse bench share}: weight sharing alone against accuracy. Calibrates the unshared model once and
 * evaluates shared variants of its weights (re-quantized with the same activation parameters, as a search
 * would) against its exact-int8 accuracy: every k of the list on every layer, {@code --random} plans with a
 * random k per layer, and the plans of the inertia screen ({@link InertiaScreen}) that first reach each memory
 * {@code --target}. Prints memory, inertia proxy, top-1 and drop per plan, and the Spearman rank correlation of
 * proxy and drop over all plans; {@code --out DIR} writes each target's plan as an assignment file with a
 * {@code "share"} entry, for {@code axdse evaluate --config} (which calibrates the shared model itself).
 * Default: the shared CIFAR-10 ResNet-20, 1,000 test images drawn with seed 2.
 */
@Command(
    name = "share",
    mixinStandardHelpOptions = true,
    description = "Weight sharing alone: memory, inertia proxy and accuracy drop of uniform, random and "
        + "inertia-screened per-layer k; Spearman rho of proxy and drop (default: shared CIFAR-10 ResNet-20).")
public final class ShareBenchCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin BenchModelOptions bench;

  @Mixin QuantizationOptions options;

  @Option(names = "--granularity", paramLabel = "G", description = "layer, channel or kernel (default: "
      + "${DEFAULT-VALUE})")
  String granularity = "channel";

  @Option(names = "--share-k", split = ",", paramLabel = "K", description = "the k choices, ascending (default: "
      + "2,4,8,16)")
  List<Integer> ks = List.of(2, 4, 8, 16);

  @Option(names = "--random", paramLabel = "N", description = "plans with a random k per layer (default: "
      + "${DEFAULT-VALUE})")
  int random = 12;

  @Option(names = "--seed", description = "seed of the random plans (default: ${DEFAULT-VALUE})")
  long seed = 1;

  @Option(names = "--target", split = ",", paramLabel = "X", description = "memory reductions against 8-bit "
      + "weights at which the inertia screen's plan is evaluated (default: 2,2.5,3)")
  List<Double> targets = List.of(2.0, 2.5, 3.0);

  @Option(names = "--weighted", description = "activation-aware sharing (weighted k-means on the calibration "
      + "images' input mean squares, bias correction)")
  boolean weighted;

  @Option(names = "--out", paramLabel = "DIR", description = "write share-<target>x.json per target (screened "
      + "with --weighted: evaluate it with --share-weighted)")
  Path out;

  @Mixin OutputFormat output;

  @Override
  public Integer call() {
    boolean json = output.check() == OutputFormat.Format.JSON;
    options.check();
    Bounds.check("--random", random, 0, Bounds.MAX_COUNT);
    ShareGranularity g = ShareGranularity.parse(granularity);
    if (g == null) {
      throw new BadInputException("--granularity: '" + granularity + "' is not layer, channel or kernel");
    }
    int[] k = ks.stream().mapToInt(Integer::intValue).toArray();
    for (int i = 0; i < k.length; i++) {
      if (k[i] < 1 || i > 0 && k[i] <= k[i - 1]) {
        throw new BadInputException("--share-k: " + ks + " must be ascending integers >= 1");
      }
    }
    Path file = bench.modelFile();
    Preprocessing pre = bench.preprocess.forModel(file);
    Model m = OnnxImporter.load(file);
    for (ApproximableLayer l : m.approximableLayers()) { // the largest k fits every layer's groups
      SharingPlan.resolve(m, g, Map.of(l.name(), k[k.length - 1]), "--share-k");
    }
    DatasetSpec ds = bench.dataset();
    int images = options.limit != null ? options.limit : 1000;
    Dataset split = ds.load(options.split().equals("test") ? Split.TEST : Split.TRAIN);
    Dataset test = images >= split.size() ? split : split.subset(images, 2L);
    Dataset calib = options.calibrationSet(ds);
    QuantizedModel q = options.calibrate(m, pre, calib);
    Map<String, InputEnergy.PerWeight> importance = weighted ? InputEnergy.of(m, pre, calib) : Map.of();
    int bitsW = options.config().weightBits();
    boolean perChannel = options.config().perChannel();
    InertiaScreen screen = InertiaScreen.of(m, g, k, bitsW, perChannel, options.threads(), importance);
    Map<String, SharingPlan> plans = new LinkedHashMap<>();
    for (int v : k) {
      plans.put("uniform k=" + v, SharingPlan.uniform(m, g, v));
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int i = 0; i < random; i++) {
      Map<String, Integer> map = new LinkedHashMap<>();
      for (ApproximableLayer l : m.approximableLayers()) {
        map.put(l.name(), k[rnd.nextInt(k.length)]);
      }
      plans.put("random " + (i + 1), new SharingPlan(g, map));
    }
    List<SharingPlan> path = screen.path();
    Map<String, SharingPlan> screened = new LinkedHashMap<>();
    for (double t : targets) {
      path.stream().filter(p -> SharingMemory.of(m, p, bitsW, perChannel).reductionVsInt8() >= t).findFirst()
          .ifPresent(p -> screened.put(String.format(Locale.ROOT, "screen %.2fx", t), p));
    }
    plans.putAll(screened);
    PrintWriter w = spec.commandLine().getOut();
    ObjectNode root = new ObjectMapper().createObjectNode();
    root.put("model", m.name()).put("granularity", g.label()).put("weighted", weighted).put("images", test.size())
        .put("quantization", q.config().describe());
    ArrayNode rows = root.putArray("plans");
    List<double[]> pairs = new ArrayList<>();
    try (SimulationSession s = options.session(m, q, test, options.catalog(), options.plainSession())) {
      root.put("exactInt8Top1", s.exactAccuracy().top1());
      if (!json) {
        w.printf(Locale.ROOT, "model %s, %d images, %s, sharing per %s%s; exact-int8 top-1 %.2f%%%n", m.name(),
            test.size(), q.config().describe(), g.label(), weighted ? " (weighted)" : "",
            100 * s.exactAccuracy().top1());
        w.printf(Locale.ROOT, "%-14s %8s %8s %9s %9s %8s  %s%n", "plan", "bits/w", "vs int8", "proxy", "top-1",
            "drop pp", "k per layer");
      }
      for (var e : plans.entrySet()) {
        SharingPlan plan = e.getValue();
        SharedModel shared = WeightSharing.apply(m, plan, options.threads(), importance);
        Evaluation ev = s.evaluate(Assignment.allExact(), ModelQuantizer.requantizeWeights(shared.model(), q));
        SharingMemory.Memory mem = SharingMemory.of(m, plan, bitsW, perChannel);
        double drop = ev.top1Drop();
        pairs.add(new double[] {shared.proxy(), drop});
        String ks = m.approximableLayers().stream().map(l -> String.valueOf(plan.kOf(l.name())))
            .reduce((a, b) -> a + "," + b).orElse("");
        rows.addObject().put("plan", e.getKey()).put("bitsPerWeight", mem.bitsPerWeight())
            .put("reductionVsInt8", mem.reductionVsInt8()).put("reductionVsFloat32", mem.reductionVsFloat32())
            .put("proxy", shared.proxy()).put("top1", ev.assignment().top1()).put("dropPoints", drop)
            .put("k", ks);
        if (!json) {
          w.printf(Locale.ROOT, "%-14s %8.3f %7.2fx %9.5f %8.2f%% %8.2f  %s%n", e.getKey(), mem.bitsPerWeight(),
              mem.reductionVsInt8(), shared.proxy(), 100 * ev.assignment().top1(), drop, ks);
          w.flush();
        }
        if (out != null && screened.containsKey(e.getKey())) {
          writePlan(plan, e.getKey());
        }
      }
    }
    double rho = pairs.size() < 3 ? Double.NaN : new SpearmansCorrelation().correlation(
        pairs.stream().mapToDouble(p -> p[0]).toArray(), pairs.stream().mapToDouble(p -> p[1]).toArray());
    root.put("spearmanProxyVsDrop", rho);
    if (json) {
      w.println(root.toPrettyString());
    } else {
      w.printf(Locale.ROOT, "Spearman rho (inertia proxy vs top-1 drop) over %d plans: %.3f%n", pairs.size(), rho);
    }
    w.flush();
    return 0;
  }

  private void writePlan(SharingPlan plan, String label) {
    ObjectNode root = new ObjectMapper().createObjectNode();
    root.putObject("layers");
    ObjectNode share = root.putObject("share");
    share.put("granularity", plan.granularity().label());
    ObjectNode k = share.putObject("k");
    plan.k().forEach(k::put);
    String name = "share-" + label.substring("screen ".length()) + ".json";
    AtomicFiles.writeString(out.resolve(name), root.toPrettyString() + "\n");
  }
}
