package org.axdse.simulator.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Function;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.ProductTable;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.simulator.kernels.BilinearForm;
import org.axdse.simulator.kernels.BilinearPolicy;
import org.axdse.simulator.kernels.KernelMode;
import org.axdse.simulator.kernels.Kernels;

/**
 * The bilinear columns of {@code bench kernels --multiplier NAME}: when the design's error is a {@link
 * BilinearForm}, the same table workload timed through the bilinear kernel (policy {@code on}) beside the
 * byte-plane table path (policy {@code off}), and their ratio. Nothing when the design is not bilinear.
 */
final class BilinearColumns implements AutoCloseable {
  private final BilinearForm form;
  private final Kernels one;
  private final Kernels all;

  private BilinearColumns(BilinearForm form, Kernels one, Kernels all) {
    this.form = form;
    this.one = one;
    this.all = all;
  }

  /** The built-in (or block-scaled) design {@code name}, which must have format {@code f}. */
  static ProductTable design(String name, MultiplierFormat f) {
    ProductTable t = MultiplierCatalog.builtin().byName(name).table();
    if (!t.format().equals(f)) {
      throw new BadInputException("--multiplier " + name + ": format " + t.format() + ", but --multiplier-format "
          + "is " + f);
    }
    return t;
  }

  static BilinearColumns of(ProductTable design, KernelMode mode, int threads) {
    BilinearForm form = BilinearForm.detect(design);
    if (form == null || !mode.vector()) {
      return new BilinearColumns(null, null, null);
    }
    return new BilinearColumns(form, Kernels.create(1, mode, BilinearPolicy.ON),
        Kernels.create(threads, mode, BilinearPolicy.ON));
  }

  String header(int threads) {
    return form == null ? "" : String.format(Locale.ROOT, " %9s %9s %12s %12s", "bilin 1T", "bilin " + threads
        + "T", "bilin/table", "bilin/cpu-s");
  }

  /**
   * Times the workload through the bilinear kernels ({@code time} gives best GMAC/s and GMAC per CPU second),
   * checks the result ({@code verify}), prints the columns and adds them to {@code row}.
   */
  void measure(Function<Kernels, double[]> time, Runnable verify, double table1T, PrintWriter out,
      ObjectNode row) {
    if (form == null) {
      return;
    }
    double[] b1 = time.apply(one);
    double bn = time.apply(all)[0];
    verify.run();
    out.printf(Locale.ROOT, " %9.2f %9.2f %12.2f %12.2f", b1[0], bn, b1[0] / table1T, b1[1]);
    row.put("bilinearPairs", form.pairs()).put("bilinear1T", b1[0]).put("bilinearNT", bn)
        .put("bilinearOverTable1T", b1[0] / table1T).put("bilinearPerCpuSecond", b1[1]);
  }

  @Override
  public void close() {
    if (one != null) {
      one.close();
      all.close();
    }
  }
}
