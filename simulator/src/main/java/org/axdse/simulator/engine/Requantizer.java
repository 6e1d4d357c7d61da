package org.axdse.simulator.engine;

import org.axdse.simulator.kernels.WeightMatrix;
import org.axdse.simulator.quant.FixedPointMultiplier;
import org.axdse.simulator.quant.LayerQuantization;
import org.axdse.simulator.quant.QuantParams;

/**
 * Turns the raw table sums of a convolution or dense layer into output codes. With activation zero point
 * {@code za}, weight zero point {@code zw[n]} of output channel n, reduction length K, and the exact sums
 * {@code S_a[m] = sum_k a[k][m]} (per column) and {@code S_w[n] = sum_k w[n][k]} (per row):
 *
 * <pre>
 *   acc[n][m] = sum_k T[a][w]  -  zw[n] * S_a[m]  -  za * S_w[n]  +  K * za * zw[n]  +  bias[n]
 *   code      = clamp(zo + round(acc * M[n]), lo, hi)          M[n] = s_in * s_w[n] / s_out, fixed point
 * </pre>
 *
 * where {@code [lo, hi]} is the code range, cut to the clip range of a fused ReLU/ReLU6. Only the code product
 * goes through the table (TFApprox semantics); the cross terms are exact. In symmetric mode all zero points are 0 and {@code acc} is the table sum plus the bias. Rounding is half away from zero
 * ({@link FixedPointMultiplier#apply}); arithmetic is int32 as in hardware.
 */
final class Requantizer {
  private final int[] rowConst;
  private final int[] zw;
  private final int[] mult;
  private final int[] shift;
  private final int zo;
  private final int lo;
  private final int hi;
  private final boolean needsColumnSums;

  Requantizer(LayerQuantization q, WeightMatrix w, int[] range) {
    int rows = w.rows();
    int za = q.input().zeroPoint();
    int k = w.cols();
    this.rowConst = new int[rows];
    this.zw = new int[rows];
    this.mult = new int[rows];
    this.shift = new int[rows];
    boolean cross = false;
    for (int n = 0; n < rows; n++) {
      zw[n] = q.weights().paramsOf(n * k).zeroPoint();
      rowConst[n] = q.bias()[n] - za * w.rowSum(n) + k * za * zw[n];
      FixedPointMultiplier m = q.requant().get(n);
      mult[n] = m.multiplier();
      shift[n] = m.shift();
      cross |= zw[n] != 0;
    }
    QuantParams out = q.output();
    this.zo = out.zeroPoint();
    this.lo = range[0];
    this.hi = range[1];
    this.needsColumnSums = cross;
  }

  /** True when some weight zero point is non-zero, so the per-column activation sums are needed. */
  boolean needsColumnSums() {
    return needsColumnSums;
  }

  /** The code of accumulator {@code raw} (table sum) of row {@code n} with column sum {@code colSum}. */
  int code(int raw, int n, int colSum) {
    int acc = raw + rowConst[n] - zw[n] * colSum;
    long p = (long) acc * mult[n];
    long r = (Math.abs(p) + (1L << (shift[n] - 1))) >> shift[n];
    long v = zo + (p < 0 ? -r : r);
    return (int) Math.max(lo, Math.min(hi, v));
  }

  /**
   * Rows {@code [0, rows)} of {@code acc} ({@code acc[n * cols + m]}) into channel-major codes
   * {@code out[n * cols + m]}; {@code sums[g * cols + m]} are the column sums of row n's group
   * {@code g = n / rowsPerGroup} (ignored when null).
   */
  void channelMajor(RunContext ctx, int[] acc, int[] sums, int rows, int cols, int rowsPerGroup, byte[] out) {
    ctx.kernels.parallelFor(rows, n -> {
      int base = n * cols;
      int sBase = (n / rowsPerGroup) * cols;
      int rc = rowConst[n];
      int z = zw[n];
      long mul = mult[n];
      int sh = shift[n];
      long half = 1L << (sh - 1);
      if (sums != null && z != 0) {
        for (int m = 0; m < cols; m++) {
          out[base + m] = round(acc[base + m] + rc - z * sums[sBase + m], mul, sh, half);
        }
      } else {
        for (int m = 0; m < cols; m++) {
          out[base + m] = round(acc[base + m] + rc, mul, sh, half);
        }
      }
    });
  }

  /**
   * {@link #code} without branches: the sign is applied as {@code (x ^ s) - s} with {@code s = p >> 63}, so C2
   * vectorizes the loops above (4 times faster than with the conditional negation, which made requantization
   * about a third of the exact pass).
   */
  private byte round(int a, long mul, int sh, long half) {
    long p = a * mul;
    long s = p >> 63;
    long r = ((p ^ s) - s + half) >> sh;
    return (byte) Math.max(lo, Math.min(hi, zo + ((r ^ s) - s)));
  }

  /** As {@link #channelMajor} for a single group, but writes sample-major codes {@code out[m * rows + n]}. */
  void sampleMajor(RunContext ctx, int[] acc, int[] sums, int rows, int cols, byte[] out) {
    ctx.forChunks(cols, 256, (from, to) -> {
      for (int m = from; m < to; m++) {
        int s = sums == null ? 0 : sums[m];
        for (int n = 0; n < rows; n++) {
          out[m * rows + n] = (byte) code(acc[n * cols + m], n, s);
        }
      }
    });
  }
}
