package org.axdse.simulator.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.axdse.multipliers.cli.flags.OutputFormat;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.multipliers.util.AxdseHome;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.multipliers.util.Bounds;
import org.axdse.multipliers.util.ProgressListener;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.assign.AssignmentJson;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.data.DatasetSpec;
import org.axdse.simulator.data.SharedCifar;
import org.axdse.simulator.engine.Evaluation;
import org.axdse.simulator.engine.SessionOptions;
import org.axdse.simulator.engine.SetupPhase;
import org.axdse.simulator.engine.SimulationSession;
import org.axdse.simulator.kernels.KernelMode;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.Preprocessing;
import org.axdse.simulator.onnx.OnnxImporter;
import org.axdse.simulator.quant.QuantizedModel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code axdse bench model}: what {@code axdse evaluate} does, timed. The same quantization options and
 * calibration as {@code evaluate}, then per round: the exact reference pass as a session opens it (no cache), the
 * evaluation of all layers on one approximate multiplier and of a realistic mixed assignment (both through
 * {@link SimulationSession#evaluate}, per-layer error statistics on as in {@code evaluate}). One warm-up round,
 * then medians of {@code --runs} rounds with their spread, process CPU seconds beside wall seconds. Default: the
 * shared CIFAR-10 ResNet-20 ({@code shared/cifar10}, found by walking up from the working directory) with the
 * mixed assignment {@value #MIXED}.
 */
@Command(
    name = "model",
    mixinStandardHelpOptions = true,
    description = "Time what axdse evaluate runs: the exact reference pass, all layers on one approximate"
        + " multiplier and a realistic mixed assignment; medians of several runs with their spread, CPU beside wall"
        + " (default: the shared CIFAR-10 ResNet-20).")
public final class ModelBenchCommand implements Callable<Integer> {
  /** The mixed ResNet-20 assignment timed by default (symmetric 8-bit designs). */
  static final String MIXED = "experiments/resnet20/bench-mixed-s8x8.json";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin BenchModelOptions bench;

  @Mixin OutputFormat output;

  @Mixin QuantizationOptions options;

  @Option(names = "--images", description = "images per evaluation (default: ${DEFAULT-VALUE})")
  int images = 1000;

  @Option(names = "--runs", description = "timed rounds after one warm-up round (default: ${DEFAULT-VALUE})")
  int runs = 5;

  @Option(names = "--multiplier", description = "approximate multiplier for every layer (default: s8x8_trunc6 or "
      + "u8x8_trunc6)")
  String multiplier;

  @Option(names = "--config", paramLabel = "ASSIGN.json", description = "a realistic assignment to time as well "
      + "(default for the shared ResNet-20 with --quant sym: " + MIXED + ")")
  Path config;

  @Option(names = "--no-layer-stats", description = "skip the per-layer error statistics (as evaluate's flag)")
  boolean noLayerStats;

  @Override
  public Integer call() {
    options.check();
    boolean json = output.check() == OutputFormat.Format.JSON;
    Bounds.images("--images", images, 1);
    Bounds.check("--runs", runs, 1, 1000);
    Path file = bench.modelFile();
    Preprocessing pre = bench.preprocessingOrBundled(file);
    Model m = OnnxImporter.load(file);
    DatasetSpec ds = bench.dataset();
    Dataset loaded = options.evaluationSet(ds);
    Dataset test = loaded.size() > images ? loaded.limit(images) : loaded;
    List<String> layers = m.approximableLayers().stream().map(l -> l.name()).toList();
    var format = options.config().mode().format(options.config().weightBits());
    String name = multiplier != null ? multiplier : format.namePrefix() + "_trunc6";
    Map<String, Assignment> cases = new LinkedHashMap<>();
    cases.put("all " + name, Assignment.uniform(layers, name));
    Path mixed = config != null ? config : bench.model == null && format.namePrefix().equals("s8x8")
        && Files.isRegularFile(home().resolve(MIXED)) ? home().resolve(MIXED) : null;
    if (mixed != null) {
      cases.put("mixed " + mixed, AssignmentJson.read(mixed));
    }
    QuantizedModel q = options.calibrate(file, m, pre, options.calibrationSet(ds));
    SessionOptions so = SessionOptions.defaults().withThreads(options.threads()).withFloatReference(false)
        .withLayerStatistics(!noLayerStats);
    MultiplierCatalog catalog = options.catalog();
    ProgressListener quiet = ProgressListener.NONE;
    Map<String, List<double[]>> times = new LinkedHashMap<>();
    Map<String, Double> top1 = new LinkedHashMap<>();
    String exactCase = "exact (reference pass)";
    for (int round = 0; round <= runs; round++) {
      boolean warmUp = round == 0;
      record(times, exactCase, warmUp, () -> {
        try (SimulationSession s = SimulationSession.open(m, q, test, catalog, so, quiet)) {
          s.prepareReferences();
          top1.put(exactCase, s.exactAccuracy().top1());
        }
      });
      try (SimulationSession s = SimulationSession.open(m, q, test, catalog, so, quiet)) {
        s.prepareReferences();
        for (var c : cases.entrySet()) {
          s.resolve(c.getValue()); // a bad assignment fails in the warm-up, tables compiled outside the timing
          record(times, c.getKey(), warmUp, () -> {
            Evaluation e = s.evaluate(c.getValue());
            top1.put(c.getKey(), e.assignment().top1());
          });
        }
      }
    }
    print(json, m, test, times, top1);
    return 0;
  }

  /** Runs {@code work}, adding its wall and CPU seconds to the case (index 0 holds the warm-up round). */
  private static void record(Map<String, List<double[]>> times, String name, boolean warmUp, Runnable work) {
    long cpu = SetupPhase.processCpuNanos();
    long t = System.nanoTime();
    work.run();
    double[] wallCpu = {(System.nanoTime() - t) / 1e9, (SetupPhase.processCpuNanos() - cpu) / 1e9};
    times.computeIfAbsent(name, k -> new ArrayList<>()).add(wallCpu);
  }

  private void print(boolean json, Model m, Dataset test, Map<String, List<double[]>> times,
      Map<String, Double> top1) {
    int n = test.size();
    long macs = m.macsPerSample();
    PrintWriter out = spec.commandLine().getOut();
    ObjectNode root = new ObjectMapper().createObjectNode().put("model", m.name()).put("images", n)
        .put("quantization", options.config().describe()).put("threads", options.threads())
        .put("kernels", KernelMode.fromSystemProperty().toString()).put("macsPerImage", macs).put("runs", runs)
        .put("layerStatistics", !noLayerStats);
    ArrayNode rows = root.putArray("cases");
    if (!json) {
      out.printf(Locale.ROOT, "model %s, %d images, %s, %d threads, kernels %s, %,d MACs per image%n", m.name(), n,
          options.config().describe(), options.threads(), KernelMode.fromSystemProperty(), macs);
      out.printf(Locale.ROOT, "medians of %d runs after one warm-up; spread = min-max of the wall seconds%n", runs);
      out.printf(Locale.ROOT, "%-52s %9s %15s %8s %8s %8s %8s%n", "case", "images/s", "wall s (spread)", "CPU s",
          "CPU/wall", "GMAC/s", "top-1");
    }
    for (var e : times.entrySet()) {
      List<double[]> all = e.getValue();
      RunTimes r = new RunTimes(all.stream().skip(1).mapToDouble(x -> x[0]).toArray(),
          all.stream().skip(1).mapToDouble(x -> x[1]).toArray());
      double wall = r.medianWall();
      rows.addObject().put("case", e.getKey()).put("imagesPerSecond", n / wall).put("wallSecondsMedian", wall)
          .put("wallSecondsMin", r.minWall()).put("wallSecondsMax", r.maxWall()).put("cpuSecondsMedian",
              r.medianCpu()).put("warmUpWallSeconds", all.get(0)[0]).put("gmacPerSecond", n * (double) macs / wall
              / 1e9).put("top1", top1.get(e.getKey()));
      if (!json) {
        out.printf(Locale.ROOT, "%-52s %9.1f %6.2f (%.2f-%.2f) %8.2f %8.2f %8.2f %7.2f%%%n", e.getKey(), n / wall,
            wall, r.minWall(), r.maxWall(), r.medianCpu(), r.medianCpu() / wall, n * (double) macs / wall / 1e9,
            100 * top1.get(e.getKey()));
      }
    }
    if (json) {
      out.println(root.toPrettyString());
    }
    out.flush();
  }

  /**
   * The axdse directory the defaults are relative to: {@link AxdseHome#configured()} (the {@code ./axdse} launcher
   * sets it), else the working directory, so the defaults are found from any directory the launcher runs in.
   */
  static Path home() {
    return AxdseHome.configured().orElseGet(() -> Path.of("").toAbsolutePath().normalize());
  }

  static Path shared() {
    return SharedCifar.above(home()).orElseThrow(() -> new BadInputException(
        "shared/cifar10 not found above " + home() + "; give --model and --data"));
  }
}
