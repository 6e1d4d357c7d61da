package org.axdse.simulator.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.axdse.multipliers.cli.flags.OutputFormat;
import org.axdse.multipliers.cli.flags.ProgressOptions;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.multipliers.util.ProgressListener;
import org.axdse.multipliers.util.Bounds;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.data.DatasetSpec;
import org.axdse.simulator.data.Split;
import org.axdse.simulator.engine.Calibration;
import org.axdse.simulator.engine.SessionOptions;
import org.axdse.simulator.engine.SimulationSession;
import org.axdse.simulator.kernels.KernelMode;
import org.axdse.simulator.kernels.Kernels;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.Preprocessing;
import org.axdse.simulator.onnx.OnnxImporter;
import org.axdse.simulator.quant.CalibrationMethod;
import org.axdse.simulator.quant.QuantConfig;
import org.axdse.simulator.quant.QuantMode;
import org.axdse.simulator.quant.QuantizedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code axdse bench model}: images per second of whole-model evaluations through {@link SimulationSession}, all
 * layers exact and all layers on one approximate multiplier, and their ratio. Default: the shared CIFAR-10
 * ResNet-20 ({@code shared/cifar10}, found by walking up from the working directory).
 */
@Command(
    name = "model",
    mixinStandardHelpOptions = true,
    description = "Images/s of whole-model evaluations: all exact and all approximate (default: the shared CIFAR-10"
        + " ResNet-20).")
public final class ModelBenchCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--model", paramLabel = "M.onnx", description = "model (default: shared/cifar10/resnet20.onnx)")
  Path model;

  @Mixin PreprocessOptions preprocess;

  @Mixin OutputFormat output;

  @Mixin ProgressOptions progress;

  @Option(names = "--data", paramLabel = "SPEC", description = "dataset (default: cifar10:shared/cifar10)")
  String data;

  @Option(names = "--images", description = "test images per evaluation (default: ${DEFAULT-VALUE})")
  int images = 1000;

  @Option(names = "--threads", description = "threads (default: all cores)")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--quant", description = "sym or asym (default: ${DEFAULT-VALUE})")
  String quant = "sym";

  @Option(names = "--multiplier", description = "approximate multiplier for every layer (default: s8x8_trunc6 or "
      + "u8x8_trunc6)")
  String multiplier;

  @Option(names = "--layer-stats", description = "also collect accumulator error statistics (exact sums too)")
  boolean layerStats;

  @Override
  public Integer call() {
    QuantMode mode = QuantMode.parse(quant);
    if (mode == null || images < 1 || threads < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "expected --quant sym|asym, --images and "
          + "--threads >= 1");
    }
    boolean json = output.check() == OutputFormat.Format.JSON;
    Bounds.images("--images", images, 1);
    Bounds.threads("--threads", threads);
    Path file = model != null ? model : shared().resolve("resnet20.onnx");
    Preprocessing pre = preprocess.optionalFor(file).orElseGet(() -> Preprocessing.load(
        Path.of("simulator/src/test/resources/resnet20.preprocess.json")));
    Model m = OnnxImporter.load(file);
    DatasetSpec ds = DatasetSpec.parse(data != null ? data : "cifar10:" + shared());
    Dataset test = ds.load(Split.TEST).limit(images);
    QuantConfig config = QuantConfig.defaults(mode).withCalibration(100, CalibrationMethod.PERCENTILE);
    String name = multiplier != null ? multiplier : mode.format(8).namePrefix() + "_trunc6";
    PrintWriter out = json ? new PrintWriter(java.io.Writer.nullWriter()) : spec.commandLine().getOut();
    ProgressListener listener = progress.listener();
    QuantizedModel q;
    try (Kernels k = Kernels.create(threads, KernelMode.fromSystemProperty())) {
      q = Calibration.run(m, pre, ds.load(Split.TRAIN).subset(100, 1L), config, k, listener);
    }
    SessionOptions options = SessionOptions.defaults().withThreads(threads).withFloatReference(false)
        .withLayerStatistics(layerStats);
    try (SimulationSession s = SimulationSession.open(m, q, test, MultiplierCatalog.builtin(), options,
        listener)) {
      List<String> layers = m.approximableLayers().stream().map(l -> l.name()).toList();
      int[] all = java.util.stream.IntStream.range(0, test.size()).toArray();
      out.printf(Locale.ROOT, "model %s, %d images, %s, %d threads, kernels %s, %,d MACs per image%n", m.name(),
          test.size(), config.describe(), threads, KernelMode.fromSystemProperty(), m.macsPerSample());
      double exact = time(() -> s.logits(Assignment.allExact(), all));
      double approx = time(() -> s.evaluate(Assignment.uniform(layers, name)));
      out.printf(Locale.ROOT, "%-36s %10s %12s%n", "assignment", "images/s", "GMAC/s");
      row(out, "all exact (exact path)", exact, test.size(), m.macsPerSample());
      row(out, "all " + name, approx, test.size(), m.macsPerSample());
      out.printf(Locale.ROOT, "table/exact time ratio %.2f; projected 10,000 images with %s: %.1f s%n",
          approx / exact, name, approx * 10_000 / test.size());
      if (json) {
        spec.commandLine().getOut().println(new ObjectMapper().createObjectNode().put("model", m.name())
            .put("images", test.size()).put("quantization", config.describe()).put("threads", threads)
            .put("kernels", KernelMode.fromSystemProperty().toString()).put("macsPerImage", m.macsPerSample())
            .put("multiplier", name).put("exactImagesPerSecond", test.size() / exact)
            .put("approximateImagesPerSecond", test.size() / approx).put("tableOverExactTime", approx / exact)
            .toPrettyString());
      }
    }
    out.flush();
    return 0;
  }

  private static void row(PrintWriter out, String what, double seconds, int n, long macs) {
    out.printf(Locale.ROOT, "%-36s %10.1f %12.2f%n", what, n / seconds, n * (double) macs / seconds / 1e9);
  }

  /** Seconds of the faster of two runs (the first also warms up the JIT). */
  private static double time(Runnable run) {
    double best = Double.POSITIVE_INFINITY;
    for (int rep = 0; rep < 2; rep++) {
      long t = System.nanoTime();
      run.run();
      best = Math.min(best, (System.nanoTime() - t) / 1e9);
    }
    return best;
  }

  static Path shared() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      for (Path c : new Path[] {p.resolve("shared/cifar10"), p.resolve("../shared/cifar10")}) {
        if (Files.isDirectory(c)) {
          return c.normalize();
        }
      }
    }
    throw new BadInputException("shared/cifar10 not found above " + Path.of("").toAbsolutePath()
        + "; give --model and --data");
  }
}
