package org.axdse.simulator.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import jdk.incubator.vector.ByteVector;
import org.axdse.multipliers.cli.flags.OutputFormat;
import org.axdse.multipliers.cli.flags.ProgressOptions;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.ProductTable;
import org.axdse.multipliers.table.Signedness;
import org.axdse.multipliers.util.ProgressListener;
import org.axdse.multipliers.util.Bounds;
import org.axdse.simulator.kernels.ActivationPanel;
import org.axdse.simulator.kernels.BilinearPolicy;
import org.axdse.simulator.kernels.ConvGeometry;
import org.axdse.simulator.kernels.KernelMode;
import org.axdse.simulator.kernels.Kernels;
import org.axdse.simulator.kernels.LookupTable;
import org.axdse.simulator.kernels.RowTables;
import org.axdse.simulator.kernels.WeightMatrix;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code axdse bench kernels}: GMAC/s of the exact path and of the table path (an approximate, non-exact table)
 * per layer shape, on one thread and on all threads, with the table/exact ratio measured in the same run.
 */
@Command(
    name = "kernels",
    mixinStandardHelpOptions = true,
    description = "GMAC/s of the exact and table kernels per layer shape, 1 thread and all threads.")
public final class KernelsBenchCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--threads", description = "Threads of the multi-threaded runs (default: all cores).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--seconds", description = "Measured time per figure (default: ${DEFAULT-VALUE}).")
  double seconds = 1.0;

  @Option(names = "--reps", description = "The time is split into this many runs; the best one counts, which "
      + "filters out other load on the machine (default: ${DEFAULT-VALUE}).")
  int reps = 5;

  @Option(names = "--batch", description = "Images per call; a dense layer's M (default: ${DEFAULT-VALUE}).")
  int batch = 1;

  @Option(names = "--multiplier-format", paramLabel = "u8xN|s8xN",
      description = "Multiplier format, e.g. s8x8, u8x8, s8x4 (default: ${DEFAULT-VALUE}).")
  String format = "s8x8";

  @Option(names = "--multiplier", paramLabel = "NAME", description = "Built-in design for the table columns "
      + "(default: the exact table with each product off by -1, 0 or +1); when its error is bilinear in the "
      + "operand bits, the bilinear kernel is timed beside the table path.")
  String multiplier;

  @Mixin OutputFormat output;

  @Mixin ProgressOptions progress;

  /** A layer shape to time: a convolution, or a dense layer ({@code geometry == null}). */
  private record Shape(String name, ConvGeometry geometry, int in, int out) {
    long macs(int batch) {
      return geometry == null ? (long) in * out * batch : geometry.macsPerImage() * batch;
    }
  }

  private static final List<Shape> SHAPES = List.of(
      new Shape("conv3x3 16->16 32x32", ConvGeometry.square(16, 32, 16, 3, 1, 1, 1, 1), 0, 0),
      new Shape("conv3x3 32->32 16x16", ConvGeometry.square(32, 16, 32, 3, 1, 1, 1, 1), 0, 0),
      new Shape("conv3x3 64->64 8x8", ConvGeometry.square(64, 8, 64, 3, 1, 1, 1, 1), 0, 0),
      new Shape("depthwise3x3 64 16x16", ConvGeometry.square(64, 16, 64, 3, 1, 1, 1, 64), 0, 0),
      new Shape("conv1x1 32->64 16x16", ConvGeometry.square(32, 16, 64, 1, 1, 0, 1, 1), 0, 0),
      new Shape("dense 256->10", null, 256, 10));

  @Override
  public Integer call() {
    if (threads < 1 || !(seconds > 0) || batch < 1 || reps < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--threads, --batch and --reps must be at least 1 and --seconds positive");
    }
    Bounds.threads("--threads", threads);
    Bounds.check("--batch", batch, 1, 4096, "images per call held in memory");
    Bounds.check("--reps", reps, 1, 1000);
    Bounds.check("--seconds", (long) Math.ceil(seconds), 1, 3600, "an hour per figure");
    MultiplierFormat f = parseFormat(format);
    ProductTable design = multiplier == null ? approximate(f) : BilinearColumns.design(multiplier, f);
    KernelMode mode = KernelMode.fromSystemProperty();
    boolean json = output.check() == OutputFormat.Format.JSON;
    ObjectNode root = new ObjectMapper().createObjectNode().put("mode", mode.toString())
        .put("nativeKernels", KernelMode.nativeStatus()).put("vectorBits", ByteVector.SPECIES_PREFERRED.vectorBitSize()).put("threads", threads)
        .put("format", f.toString()).put("batch", batch).put("reps", reps);
    ArrayNode rows = root.putArray("layers");
    PrintWriter out = json ? new PrintWriter(java.io.Writer.nullWriter()) : spec.commandLine().getOut();
    out.printf(Locale.ROOT, "kernels: mode %s (native kernels: %s), %d-bit vectors, %d cores, JDK %s, format %s,"
        + " batch %d%n", mode, KernelMode.nativeStatus(), ByteVector.SPECIES_PREFERRED.vectorBitSize(),
        Runtime.getRuntime().availableProcessors(), Runtime.version(), f, batch);
    BilinearColumns bilinear = BilinearColumns.of(design, mode, threads);
    out.printf(Locale.ROOT, "%-24s %10s %9s %9s %9s %9s %12s %12s%s%n", "layer (GMAC/s)", "MACs", "exact 1T",
        "exact " + threads + "T", "table 1T", "table " + threads + "T", "table/exact", "table/cpu-s",
        bilinear.header(threads));
    LookupTable exact = LookupTable.exact(f);
    LookupTable approx = LookupTable.of(design);
    try (bilinear; Kernels one = Kernels.create(1, mode, BilinearPolicy.OFF);
        Kernels all = Kernels.create(threads, mode, BilinearPolicy.OFF);
        Kernels scalar = Kernels.create(1, KernelMode.SCALAR);
        ProgressListener.Task task = progress.listener().start("bench kernels", SHAPES.size(), "layer shapes")) {
      for (Shape s : SHAPES) {
        Workload exactWork = new Workload(s, f, exact, batch);
        Workload tableWork = new Workload(s, f, approx, batch);
        double e1 = measure(one, exactWork)[0];
        double en = measure(all, exactWork)[0];
        double[] t1 = measure(one, tableWork);
        double tn = measure(all, tableWork)[0];
        exactWork.verify(scalar);
        tableWork.verify(scalar);
        out.printf(Locale.ROOT, "%-24s %10d %9.2f %9.2f %9.2f %9.2f %12.2f %12.2f", s.name(), s.macs(batch), e1,
            en, t1[0], tn, tn / en, t1[1]);
        ObjectNode row = rows.addObject();
        bilinear.measure(k -> measure(k, tableWork), () -> tableWork.verify(scalar), t1[0], out, row);
        out.println();
        row.put("layer", s.name()).put("macs", s.macs(batch)).put("exact1T", e1).put("exactNT", en)
            .put("table1T", t1[0]).put("tableNT", tn).put("tableOverExact", tn / en).put("tablePerCpuSecond", t1[1]);
        task.advance(1);
        out.flush();
      }
    }
    out.println("(wall-clock GMAC/s, best of " + reps + " runs; table/cpu-s: single-thread table GMAC per CPU"
        + " second, which other load on the machine does not dilute; every result checked against the scalar"
        + " kernel)");
    if (json) {
      spec.commandLine().getOut().println(root.toPrettyString());
      spec.commandLine().getOut().flush();
    }
    return 0;
  }

  private MultiplierFormat parseFormat(String s) {
    String v = s.strip().toLowerCase(Locale.ROOT);
    if (!v.matches("[us]8x[2-8]")) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--multiplier-format " + s + ": expected u8xN or s8xN with N = 2..8");
    }
    return MultiplierFormat.of(v.charAt(3) - '0', v.charAt(0) == 's' ? Signedness.SIGNED : Signedness.UNSIGNED);
  }

  /** The exact table with every product off by -1, 0 or +1: not exact, so it takes the lookup path. */
  static ProductTable approximate(MultiplierFormat f) {
    int[] p = ProductTable.exact(f).toArray();
    Random r = new Random(1);
    for (int i = 0; i < p.length; i++) {
      p[i] += r.nextInt(3) - 1;
    }
    return ProductTable.of(f, p);
  }

  /** One layer's operands and output buffer, built once and reused by every timed call. */
  private static final class Workload {
    private final Shape shape;
    private final int batch;
    private final ActivationPanel panel;
    private final byte[] input;
    private final WeightMatrix weights;
    private final RowTables tables;
    private final int[] out;

    Workload(Shape s, MultiplierFormat f, LookupTable table, int batch) {
      Random r = new Random(7);
      this.shape = s;
      this.batch = batch;
      ConvGeometry g = s.geometry();
      int rows = g == null ? s.out() : g.outChannels();
      int cols = g == null ? s.in() : g.reduction();
      if (g == null) {
        panel = ActivationPanel.allocate(s.in(), batch);
        panel.packRows(bytes(r, s.in() * batch), 0);
        input = null;
        out = new int[rows * batch];
      } else {
        panel = null;
        input = bytes(r, g.inChannels() * batch * g.inHeight() * g.inWidth());
        out = new int[rows * batch * g.outHeight() * g.outWidth()];
      }
      weights = weights(r, f, rows, cols);
      tables = RowTables.ofLayer(table, rows);
    }

    void run(Kernels k) {
      if (panel != null) {
        k.gemm(panel, weights, tables, out);
      } else {
        k.conv(shape.geometry(), batch, input, (byte) 0, weights, tables, out, null);
      }
    }

    /** Fails unless the last timed result equals the scalar kernel's: the JIT-compiled vector code is exact. */
    void verify(Kernels scalar) {
      int[] timed = out.clone();
      run(scalar);
      if (!java.util.Arrays.equals(timed, out)) {
        throw new IllegalStateException("vector and scalar kernels differ on " + shape.name());
      }
    }
  }

  /**
   * Wall-clock GMAC/s of the best of {@link #reps} runs of repeated calls after a warm-up, and GMAC per second
   * of process CPU time over all runs.
   */
  private double[] measure(Kernels k, Workload w) {
    run(() -> w.run(k), Math.min(1.0, seconds));
    double best = 0;
    long macs = 0;
    long cpu0 = processCpuNanos();
    for (int i = 0; i < reps; i++) {
      long start = System.nanoTime();
      long iterations = run(() -> w.run(k), seconds / reps);
      double elapsed = (System.nanoTime() - start) / 1e9;
      macs += w.shape.macs(batch) * iterations;
      best = Math.max(best, w.shape.macs(batch) * (double) iterations / elapsed / 1e9);
    }
    double cpu = (processCpuNanos() - cpu0) / 1e9;
    return new double[] {best, cpu > 0 ? macs / cpu / 1e9 : Double.NaN};
  }

  static long processCpuNanos() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
  }

  static long run(Runnable call, double seconds) {
    long end = System.nanoTime() + (long) (seconds * 1e9);
    long n = 0;
    do {
      call.run();
      n++;
    } while (System.nanoTime() < end);
    return n;
  }

  private static byte[] bytes(Random r, int n) {
    byte[] b = new byte[n];
    r.nextBytes(b);
    return b;
  }

  private static WeightMatrix weights(Random r, MultiplierFormat f, int rows, int cols) {
    byte[] codes = new byte[rows * cols];
    for (int i = 0; i < codes.length; i++) {
      codes[i] = (byte) r.nextInt(1 << f.weightBits());
    }
    return WeightMatrix.ofCodes(f, rows, cols, codes);
  }
}
