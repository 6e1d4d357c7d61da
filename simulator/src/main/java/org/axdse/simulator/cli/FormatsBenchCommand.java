package org.axdse.simulator.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import org.axdse.multipliers.cli.flags.OutputFormat;
import org.axdse.simulator.kernels.KernelMode;
import org.axdse.simulator.kernels.Kernels;
import org.axdse.simulator.kernels.LookupTable;
import org.axdse.simulator.model.ConvLayer;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.numformat.FormatChoice;
import org.axdse.simulator.numformat.FormatLayer;
import org.axdse.simulator.onnx.OnnxImporter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code axdse bench formats}: on one thread, the time of a model's 3x3 convolutions in a float format (the whole
 * layer: rounding the activations, im2col, products and sums, output scaling) against the integer table path's
 * kernel on the same shape (an approximate s8x8 table, as {@code bench kernels} times it), measured in one run.
 */
@Command(
    name = "formats",
    mixinStandardHelpOptions = true,
    description = "Time of a float-format layer against the integer table path on a model's 3x3 convolutions, "
        + "1 thread.")
public final class FormatsBenchCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--model", paramLabel = "M.onnx", required = true, description = "the ONNX model")
  Path model;

  @Mixin NumberFormatOptions formats;

  @Mixin LayerBenchTiming timing;

  @Mixin OutputFormat output;

  @Override
  public Integer call() {
    boolean json = output.check() == OutputFormat.Format.JSON;
    timing.check();
    int batch = timing.batch;
    int reps = timing.reps;
    double seconds = timing.seconds;
    FormatChoice choice = FormatChoice.parse(formats.format == null ? "e4m3" : formats.format, formats.scale,
        formats.accumulate);
    Model m = OnnxImporter.load(model);
    List<ConvLayer> shapes = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    for (var l : m.approximableLayers()) {
      if (l instanceof ConvLayer c && c.window().kH() == 3 && c.groups() == 1 && c.window().strideH() == 1
          && !seen.contains(c.input().shape() + "->" + c.outC())) {
        seen.add(c.input().shape() + "->" + c.outC());
        shapes.add(c);
      }
    }
    PrintWriter out = json ? new PrintWriter(java.io.Writer.nullWriter()) : spec.commandLine().getOut();
    ObjectNode root = new ObjectMapper().createObjectNode().put("format", choice.label()).put("batch", batch);
    ArrayNode rows = root.putArray("layers");
    out.printf(Locale.ROOT, "formats: %s against the s8x8 table path, 1 thread, batch %d, JDK %s%n", choice.label(),
        batch, Runtime.version());
    out.printf(Locale.ROOT, "%-28s %10s %9s %9s %10s %10s %11s%n", "layer (GMAC/s)", "MACs", "table", "float",
        "table/cpu", "float/cpu", "time ratio");
    LookupTable table = TablePathBaseline.table();
    try (Kernels one = Kernels.create(1, KernelMode.fromSystemProperty())) {
      for (ConvLayer c : shapes) {
        int h = c.input().shape().dim(1);
        Random r = new Random(7);
        TablePathBaseline base = TablePathBaseline.of(c, batch, table, one, r);
        long macs = base.macs();
        float[] x = new float[c.input().shape().size() * batch];
        for (int i = 0; i < x.length; i++) {
          x[i] = (float) r.nextGaussian();
        }
        FormatLayer fl = FormatLayer.of(c, choice, 3);
        Runnable tableCall = base.call();
        Runnable floatCall = () -> fl.run(x, batch);
        KernelsBenchCommand.run(tableCall, Math.min(2.0, seconds)); // both compiled before either is timed
        KernelsBenchCommand.run(floatCall, Math.min(2.0, seconds));
        double[] t = measure(tableCall, macs, reps, seconds);
        double[] fp = measure(floatCall, macs, reps, seconds);
        String name = c.name() + " " + c.inC() + "->" + c.outC() + " " + h + "x" + h;
        out.printf(Locale.ROOT, "%-28s %,10d %9.2f %9.2f %10.2f %10.2f %11.2f%n", name, macs, t[0], fp[0], t[1],
            fp[1], t[0] / fp[0]);
        rows.addObject().put("layer", name).put("macs", macs).put("table", t[0]).put("float", fp[0])
            .put("tablePerCpuSecond", t[1]).put("floatPerCpuSecond", fp[1]).put("timeRatio", t[0] / fp[0]);
        out.flush();
      }
    }
    out.println("(wall-clock GMAC/s, best of " + reps + " runs; /cpu: GMAC per second of process CPU time; time "
        + "ratio = float time / table time)");
    if (json) {
      spec.commandLine().getOut().println(root.toPrettyString());
    }
    spec.commandLine().getOut().flush();
    return 0;
  }

  /** Best wall-clock GMAC/s of {@code reps} runs of {@code seconds} in all, and GMAC per process CPU second. */
  static double[] measure(Runnable call, long macs, int reps, double seconds) {
    double best = 0;
    long total = 0;
    long cpu0 = KernelsBenchCommand.processCpuNanos();
    for (int i = 0; i < reps; i++) {
      long start = System.nanoTime();
      long n = KernelsBenchCommand.run(call, seconds / reps);
      double elapsed = (System.nanoTime() - start) / 1e9;
      total += n * macs;
      best = Math.max(best, n * (double) macs / elapsed / 1e9);
    }
    double cpu = (KernelsBenchCommand.processCpuNanos() - cpu0) / 1e9;
    return new double[] {best, cpu > 0 ? total / cpu / 1e9 : Double.NaN};
  }
}
