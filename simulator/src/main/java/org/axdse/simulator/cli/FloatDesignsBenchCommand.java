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
import org.axdse.multipliers.Multiplier;
import org.axdse.multipliers.cli.flags.OutputFormat;
import org.axdse.multipliers.library.BlockScaledDesigns;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.simulator.engine.FloatDesignFlow;
import org.axdse.simulator.engine.LayerDataflow;
import org.axdse.simulator.engine.MxDesignFlow;
import org.axdse.simulator.kernels.ConvGeometry;
import org.axdse.simulator.kernels.KernelMode;
import org.axdse.simulator.kernels.Kernels;
import org.axdse.simulator.kernels.LookupTable;
import org.axdse.simulator.model.ConvLayer;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.onnx.OnnxImporter;
import org.axdse.simulator.quant.LayerQuantization;
import org.axdse.simulator.quant.QuantParams;
import org.axdse.simulator.quant.QuantizedWeights;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code axdse bench float-designs}: on one thread, a float design's layer in the integer engine ({@link
 * FloatDesignFlow}: im2col, one table value per product, double sums, back to accumulator units) on a model's 3x3
 * stride-1 convolutions, vectorized (both product pieces in one pass, and one pass per piece as before) and as the
 * scalar loop it replaced, against the integer table path's kernel on
 * the same shape (an approximate s8x8 table, as {@code bench kernels} and {@code bench formats} time it), all three
 * measured in one run on the same random input codes.
 */
@Command(
    name = "float-designs",
    mixinStandardHelpOptions = true,
    description = "Time of a float design's layer (vectorized and scalar) against the integer table path on a "
        + "model's 3x3 convolutions, 1 thread.")
public final class FloatDesignsBenchCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--model", paramLabel = "M.onnx", required = true, description = "the ONNX model")
  Path model;

  @Option(names = "--design", paramLabel = "NAME", description = "float multiplier (default: ${DEFAULT-VALUE})")
  String design = "e4m3_exact";

  @Mixin LayerBenchTiming timing;

  @Mixin OutputFormat output;

  @Override
  public Integer call() {
    boolean json = output.check() == OutputFormat.Format.JSON;
    timing.check();
    int batch = timing.batch;
    int reps = timing.reps;
    double seconds = timing.seconds;
    MultiplierCatalog catalog = MultiplierCatalog.builtin();
    Multiplier d;
    try {
      d = catalog.byName(design);
    } catch (BadInputException e) {
      throw new BadInputException("--design " + design + ": " + e.getMessage());
    }
    boolean mx = BlockScaledDesigns.isBlockScaled(d);
    String baseName = mx ? design.substring(0, design.length() - BlockScaledDesigns.SUFFIX.length()) : design;
    if (!d.format().isFloat()) {
      throw new BadInputException("--design " + design + ": not a float multiplier (e.g. e4m3_exact, e4m3_lmul)");
    }
    Model m = OnnxImporter.load(model);
    List<ConvLayer> shapes = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (var l : m.approximableLayers()) {
      if (l instanceof ConvLayer c && c.window().kH() == 3 && c.groups() == 1 && c.window().strideH() == 1
          && seen.add(c.input().shape() + "->" + c.outC())) {
        shapes.add(c);
      }
    }
    PrintWriter out = json ? new PrintWriter(java.io.Writer.nullWriter()) : spec.commandLine().getOut();
    ObjectNode root = new ObjectMapper().createObjectNode().put("design", design).put("batch", batch);
    ArrayNode rows = root.putArray("layers");
    out.printf(Locale.ROOT, "float-designs: %s against the s8x8 table path, 1 thread, batch %d, JDK %s%n", design,
        batch, Runtime.version());
    out.printf(Locale.ROOT, "%-24s %10s %8s %8s %8s %8s %9s %9s %9s %9s %8s %8s %8s%n", "layer (GMAC/s)", "MACs",
        "table", "vector", "2-pass", "scalar", "table/cpu", "vect/cpu", "2pas/cpu", "scal/cpu", "vect/tab",
        "2pas/tab", "scal/tab");
    LookupTable table = TablePathBaseline.table();
    try (Kernels one = Kernels.create(1, KernelMode.fromSystemProperty())) {
      for (ConvLayer c : shapes) {
        int h = c.input().shape().dim(1);
        TablePathBaseline base = TablePathBaseline.of(c, batch, table, one, new Random(7));
        ConvGeometry g = base.geometry();
        long macs = base.macs();
        byte[] codes = base.codes();
        int[] acc = base.accumulators();
        LayerQuantization lq = quantization(c, base.weights());
        FloatDesignFlow perTensor = FloatDesignFlow.of(c, lq, mx ? catalog.byName(baseName) : d);
        LayerDataflow vector = mx ? MxDesignFlow.of(c, lq, d) : perTensor;
        FloatDesignFlow scalar = perTensor.scalarReference();
        FloatDesignFlow twoPass = mx ? perTensor : perTensor.twoPass();
        Runnable tableCall = base.call();
        Runnable vectorCall = () -> vector.conv(g, batch, codes, (byte) 0, acc, null, one);
        Runnable scalarCall = () -> scalar.conv(g, batch, codes, (byte) 0, acc, null, one);
        Runnable twoPassCall = () -> twoPass.conv(g, batch, codes, (byte) 0, acc, null, one);
        for (Runnable call : List.of(tableCall, vectorCall, twoPassCall, scalarCall)) {
          KernelsBenchCommand.run(call, Math.min(2.0, seconds)); // all compiled before any is timed
        }
        double[] t = FormatsBenchCommand.measure(tableCall, macs, reps, seconds);
        double[] v = FormatsBenchCommand.measure(vectorCall, macs, reps, seconds);
        double[] p = FormatsBenchCommand.measure(twoPassCall, macs, reps, seconds);
        double[] s = FormatsBenchCommand.measure(scalarCall, macs, reps, seconds);
        String name = c.inC() + "->" + c.outC() + " " + h + "x" + h + " (" + (mx ? "MX32)"
            : perTensor.tablePieces() > 0 ? perTensor.tablePieces() + " pieces)" : "doubles)");
        out.printf(Locale.ROOT, "%-24s %,10d %8.2f %8.2f %8.2f %8.2f %9.2f %9.2f %9.2f %9.2f %8.2f %8.2f %8.2f%n",
            name, macs, t[0], v[0], p[0], s[0], t[1], v[1], p[1], s[1], t[0] / v[0], t[0] / p[0], t[0] / s[0]);
        rows.addObject().put("layer", name).put("macs", macs).put("table", t[0]).put("vector", v[0])
            .put("twoPass", p[0]).put("twoPassPerCpuSecond", p[1]).put("twoPassTimeRatio", t[0] / p[0])
            .put("scalar", s[0]).put("tablePerCpuSecond", t[1]).put("vectorPerCpuSecond", v[1])
            .put("scalarPerCpuSecond", s[1]).put("vectorTimeRatio", t[0] / v[0])
            .put("scalarTimeRatio", t[0] / s[0]).put("tablePieces", perTensor.tablePieces());
        out.flush();
      }
    }
    out.println("(wall-clock GMAC/s, best of " + reps + " runs; /cpu: GMAC per second of process CPU time; "
        + "vect/tab, 2pas/tab, scal/tab: float design time / table time; 'pieces': the layer runs through the "
        + "integer table kernels, two pieces in one pass ('vector') or one pass per 16-bit piece ('2-pass', the "
        + "path before); 'doubles': the vectorized double path; for a block-scaled design (MX32) 'vector' is its "
        + "block loop (MxTableGemm), '2-pass' and 'scalar' the same design per tensor, fast and scalar)");
    if (json) {
      spec.commandLine().getOut().println(root.toPrettyString());
    }
    spec.commandLine().getOut().flush();
    return 0;
  }

  /**
   * A per-tensor symmetric quantization of layer {@code c} with the benchmark's weight codes {@code w} and an input
   * range of +-4: what {@link FloatDesignFlow} reads (the input range and scale, the weight codes and scale).
   */
  private static LayerQuantization quantization(ConvLayer c, byte[] w) {
    int[] codes = new int[w.length];
    for (int i = 0; i < w.length; i++) {
      codes[i] = Math.max(-127, w[i]);
    }
    QuantParams in = QuantParams.symmetric(4.0, 8);
    QuantizedWeights weights = new QuantizedWeights(codes, List.of(QuantParams.symmetric(1.0, 8)));
    return new LayerQuantization(c.name(), in, in, weights, null, null, List.of(), null, null);
  }
}
