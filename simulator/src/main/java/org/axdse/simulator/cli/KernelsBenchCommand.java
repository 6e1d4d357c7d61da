package org.axdse.simulator.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import jdk.incubator.vector.ByteVector;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.ProductTable;
import org.axdse.multipliers.table.Signedness;
import org.axdse.simulator.kernels.ActivationPanel;
import org.axdse.simulator.kernels.ConvGeometry;
import org.axdse.simulator.kernels.KernelMode;
import org.axdse.simulator.kernels.Kernels;
import org.axdse.simulator.kernels.LookupTable;
import org.axdse.simulator.kernels.RowTables;
import org.axdse.simulator.kernels.WeightMatrix;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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

  @Option(names = "--batch", description = "Images per call; a dense layer's M (default: ${DEFAULT-VALUE}).")
  int batch = 1;

  @Option(names = "--format", description = "Multiplier format, e.g. s8x8, u8x8, s8x4 (default: ${DEFAULT-VALUE}).")
  String format = "s8x8";

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
    if (threads < 1 || seconds <= 0 || batch < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--threads and --batch must be at least 1 and --seconds positive");
    }
    MultiplierFormat f = parseFormat(format);
    KernelMode mode = KernelMode.fromSystemProperty();
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "kernels: mode %s, %d-bit vectors, %d cores, JDK %s, format %s, batch %d%n", mode,
        ByteVector.SPECIES_PREFERRED.vectorBitSize(), Runtime.getRuntime().availableProcessors(),
        Runtime.version(), f, batch);
    out.printf(Locale.ROOT, "%-24s %10s %9s %9s %9s %9s %12s%n", "layer (GMAC/s)", "MACs", "exact 1T",
        "exact " + threads + "T", "table 1T", "table " + threads + "T", "table/exact");
    LookupTable exact = LookupTable.exact(f);
    LookupTable approx = LookupTable.of(approximate(f));
    try (Kernels one = Kernels.create(1, mode); Kernels all = Kernels.create(threads, mode)) {
      for (Shape s : SHAPES) {
        double e1 = measure(one, s, f, exact);
        double en = measure(all, s, f, exact);
        double t1 = measure(one, s, f, approx);
        double tn = measure(all, s, f, approx);
        out.printf(Locale.ROOT, "%-24s %10d %9.2f %9.2f %9.2f %9.2f %12.2f%n", s.name(), s.macs(batch), e1, en,
            t1, tn, tn / en);
        out.flush();
      }
    }
    return 0;
  }

  private MultiplierFormat parseFormat(String s) {
    String v = s.strip().toLowerCase(Locale.ROOT);
    if (!v.matches("[us]8x[2-8]")) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--format " + s + ": expected u8xN or s8xN with N = 2..8");
    }
    return MultiplierFormat.of(v.charAt(3) - '0', v.charAt(0) == 's' ? Signedness.SIGNED : Signedness.UNSIGNED);
  }

  /** The exact table with every product off by -1, 0 or +1: not exact, so it takes the lookup path. */
  private static ProductTable approximate(MultiplierFormat f) {
    int[] p = ProductTable.exact(f).toArray();
    Random r = new Random(1);
    for (int i = 0; i < p.length; i++) {
      p[i] += r.nextInt(3) - 1;
    }
    return ProductTable.of(f, p);
  }

  /** GMAC/s of repeated calls for {@link #seconds}, after a warm-up. */
  private double measure(Kernels k, Shape s, MultiplierFormat f, LookupTable table) {
    Random r = new Random(7);
    Runnable call;
    if (s.geometry() == null) {
      ActivationPanel a = ActivationPanel.allocate(s.in(), batch);
      a.packRows(bytes(r, s.in() * batch), 0);
      WeightMatrix w = weights(r, f, s.out(), s.in());
      RowTables t = RowTables.ofLayer(table, s.out());
      int[] c = new int[s.out() * batch];
      call = () -> k.gemm(a, w, t, c);
    } else {
      ConvGeometry g = s.geometry();
      byte[] in = bytes(r, g.inChannels() * batch * g.inHeight() * g.inWidth());
      WeightMatrix w = weights(r, f, g.outChannels(), g.reduction());
      RowTables t = RowTables.ofLayer(table, g.outChannels());
      int[] c = new int[g.outChannels() * batch * g.outHeight() * g.outWidth()];
      call = () -> k.conv(g, batch, in, (byte) 0, w, t, c, null);
    }
    run(call, Math.min(0.5, seconds));
    long start = System.nanoTime();
    long iterations = run(call, seconds);
    double elapsed = (System.nanoTime() - start) / 1e9;
    return s.macs(batch) * (double) iterations / elapsed / 1e9;
  }

  private static long run(Runnable call, double seconds) {
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
