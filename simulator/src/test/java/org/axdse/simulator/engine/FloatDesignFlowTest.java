package org.axdse.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Random;
import org.axdse.multipliers.Multiplier;
import org.axdse.multipliers.format.FloatProduct;
import org.axdse.multipliers.format.Minifloat;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.kernels.ActivationPanel;
import org.axdse.simulator.kernels.ConvGeometry;
import org.axdse.simulator.kernels.KernelMode;
import org.axdse.simulator.kernels.Kernels;
import org.axdse.simulator.model.ConvLayer;
import org.axdse.simulator.model.DenseLayer;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.quant.LayerQuantization;
import org.axdse.simulator.quant.QuantMode;
import org.axdse.simulator.quant.QuantParams;
import org.axdse.simulator.quant.QuantizedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link FloatDesignFlow} against an independent reference on the convolutions (plain, depthwise) and the dense
 * layer of a small CNN, symmetric and asymmetric (zero points on both operands), weight scales per tensor and per
 * output channel (the float weights follow the integer quantization's {@code --per-channel}): every activation and
 * weight
 * rounded by brute force over all codes of the format (nearest value, ties to the even code, saturating), the
 * convolution by direct loops with padding, each product the design's table entry read through {@link
 * FloatProduct}, or for the exact reference design the product of the two decoded values, summed exactly in
 * {@link BigDecimal}. The accumulators must agree bit for bit, on 1 and 2 threads.
 */
class FloatDesignFlowTest {
  private static final MultiplierCatalog LIBRARY = MultiplierCatalog.builtin();

  @TempDir Path dir;

  @Test
  void exactAndApproximateFloatDesignsEqualTheBruteForceReference() {
    for (QuantMode mode : QuantMode.values()) {
      for (boolean perChannel : new boolean[] {false, true}) {
        TinyNets t = new TinyNets(3);
        Model m = t.cnn(dir.resolve(mode.name() + perChannel));
        Dataset data = t.images(m, 24, 5);
        QuantizedModel q = TinyNets.quantize(m, data, TinyNets.config(mode, perChannel, 8), 5);
        for (String design : new String[] {"e4m3_exact", "e4m3_trunc3", "e4m3_lmul", "e3m4_mitchell",
            "e5m2_exact", "e2m3_exact"}) {
          for (int i = 0; i < m.approximableLayers().size(); i++) {
            check(m, q, i, LIBRARY.byName(design), mode + (perChannel ? " per channel " : " ") + design
                + " layer " + i);
          }
        }
      }
    }
  }

  private static void check(Model m, QuantizedModel q, int index, Multiplier design, String what) {
    LayerQuantization lq = q.layer(index);
    FloatDesignFlow flow = FloatDesignFlow.of(m.approximableLayers().get(index), lq, design);
    Random r = new Random(index * 31L + design.name().hashCode());
    int batch = 2;
    if (m.approximableLayers().get(index) instanceof ConvLayer c) {
      var s = c.input().shape();
      byte[] in = new byte[c.inC() * batch * s.dim(1) * s.dim(2)];
      r.nextBytes(in);
      var w = c.window();
      ConvGeometry g = new ConvGeometry(c.inC(), s.dim(1), s.dim(2), c.outC(), w.kH(), w.kW(), w.strideH(),
          w.strideW(), w.padTop(), w.padLeft(), w.padBottom(), w.padRight(), w.dilationH(), w.dilationW(),
          c.groups());
      int cols = batch * g.outHeight() * g.outWidth();
      int[] one = run(1, k -> flow.conv(g, batch, in, (byte) lq.input().zeroPoint(), k.acc, k.sums, k.kernels),
          c.outC() * cols, c.groups() * cols);
      int[] two = run(2, k -> flow.conv(g, batch, in, (byte) lq.input().zeroPoint(), k.acc, k.sums, k.kernels),
          c.outC() * cols, c.groups() * cols);
      assertEquals(java.util.Arrays.toString(one), java.util.Arrays.toString(two), what + ": 1 vs 2 threads");
      int[] want = referenceConv(c, lq, in, batch, (n, x) -> referenceSum(lq, design, c.weights(), n, x));
      assertEquals(java.util.Arrays.toString(want), java.util.Arrays.toString(one), what);
    } else {
      DenseLayer d = (DenseLayer) m.approximableLayers().get(index);
      byte[] in = new byte[batch * d.inFeatures()];
      r.nextBytes(in);
      ActivationPanel p = ActivationPanel.allocate(d.inFeatures(), batch);
      p.packColumns(in, 0);
      int[] one = run(1, k -> flow.gemm(p, k.acc, k.kernels), d.outFeatures() * batch, 0);
      int[] want = new int[d.outFeatures() * batch];
      for (int n = 0; n < d.outFeatures(); n++) {
        for (int b = 0; b < batch; b++) {
          int[] x = new int[d.inFeatures()];
          for (int i = 0; i < x.length; i++) {
            x[i] = in[b * d.inFeatures() + i];
          }
          want[n * batch + b] = referenceSum(lq, design, d.weights(), n, x);
        }
      }
      assertEquals(java.util.Arrays.toString(want), java.util.Arrays.toString(one), what);
    }
  }

  record Buffers(Kernels kernels, int[] acc, int[] sums) {}

  static int[] run(int threads, java.util.function.Consumer<Buffers> body, int accSize, int sumsSize) {
    try (Kernels k = Kernels.create(threads, KernelMode.fromSystemProperty())) {
      Buffers b = new Buffers(k, new int[accSize], sumsSize == 0 ? null : new int[sumsSize]);
      body.accept(b);
      return b.acc;
    }
  }

  /** The accumulator of output channel {@code n} for the input codes {@code x} of one output position. */
  interface RowSum {
    int of(int n, int[] x);
  }

  /**
   * Direct-loop convolution: each output position's input codes in reduction order {@code (c * kH + ky) * kW + kx}
   * (out-of-image taps read the input zero point's code), summed by {@code sum}.
   */
  static int[] referenceConv(ConvLayer c, LayerQuantization lq, byte[] in, int batch, RowSum sum) {
    var s = c.input().shape();
    int h = s.dim(1);
    int wd = s.dim(2);
    var win = c.window();
    int oh = win.outH(h);
    int ow = win.outW(wd);
    int cg = c.inC() / c.groups();
    int og = c.outC() / c.groups();
    int k = cg * win.kH() * win.kW();
    int cols = batch * oh * ow;
    int[] out = new int[c.outC() * cols];
    for (int n = 0; n < c.outC(); n++) {
      int group = n / og;
      for (int b = 0; b < batch; b++) {
        for (int oy = 0; oy < oh; oy++) {
          for (int ox = 0; ox < ow; ox++) {
            int[] x = new int[k];
            for (int ci = 0; ci < cg; ci++) {
              for (int ky = 0; ky < win.kH(); ky++) {
                for (int kx = 0; kx < win.kW(); kx++) {
                  int iy = oy * win.strideH() - win.padTop() + ky * win.dilationH();
                  int ix = ox * win.strideW() - win.padLeft() + kx * win.dilationW();
                  int ch = group * cg + ci;
                  boolean inside = iy >= 0 && iy < h && ix >= 0 && ix < wd;
                  x[(ci * win.kH() + ky) * win.kW() + kx] = inside
                      ? in[((ch * batch + b) * h + iy) * wd + ix] : lq.input().zeroPoint();
                }
              }
            }
            out[n * cols + (b * oh + oy) * ow + ox] = sum.of(n, x);
          }
        }
      }
    }
    return out;
  }

  /** The accumulator of row {@code n} for activation codes {@code x} (as the engine reads them). */
  private static int referenceSum(LayerQuantization lq, Multiplier design, float[] weights, int n, int[] x) {
    Minifloat f = design.format().element();
    QuantParams in = lq.input();
    boolean signed = in.signed();
    int k = x.length;
    double wAmax = 0;
    boolean perChannel = lq.weights().channels() > 1;
    for (int i = 0; i < weights.length; i++) {
      if (!perChannel || i / k == n) {
        wAmax = Math.max(wAmax, Math.abs(weights[i]));
      }
    }
    double sf = wAmax / f.maxFinite();
    double sa = Math.max(Math.abs(in.rangeMin()), Math.abs(in.rangeMax())) / f.maxFinite();
    boolean exactDesign = design.name().endsWith("_exact");
    BigDecimal sum = BigDecimal.ZERO;
    int colSum = 0;
    long rowSum = 0;
    for (int i = 0; i < k; i++) {
      int xv = signed ? (byte) x[i] : x[i] & 0xFF;
      colSum += xv;
      rowSum += lq.weights().code(n * k + i);
      int a = nearestCached(f, in.dequantize(xv) / sa);
      int w = nearestCached(f, weights[n * k + i] / sf);
      double p = exactDesign ? f.decode(a) * f.decode(w) : FloatProduct.unpack(design.table().product(a, w)).value();
      sum = sum.add(new BigDecimal(p));
    }
    QuantParams pw = lq.weights().paramsOf(n * k);
    int za = in.zeroPoint();
    long t = QuantParams.roundHalfAway(sum.doubleValue() * (sa * sf / (in.scale() * pw.scale())))
        + za * rowSum - (long) k * za * pw.zeroPoint() + (long) pw.zeroPoint() * colSum;
    return (int) t;
  }

  private static final java.util.Map<String, Integer> NEAREST = new java.util.concurrent.ConcurrentHashMap<>();

  /** {@link #nearestCode}, remembered per format and value (the brute force is the slow part of the test). */
  private static int nearestCached(Minifloat f, double x) {
    return NEAREST.computeIfAbsent(f.name() + "/" + x, k -> nearestCode(f, x));
  }

  /** The code of the nearest finite value (ties: the even code; beyond the range: the largest magnitude). */
  static int nearestCode(Minifloat f, double x) {
    int bestCode = -1;
    double best = Double.NaN;
    for (int c = 0; c < f.codes(); c++) {
      double v = f.decode(c);
      if (!Double.isFinite(v)) {
        continue;
      }
      double d = Math.abs(x - v);
      double e = Math.abs(x - best);
      if (bestCode < 0 || d < e || d == e && v != best && (c & 1) == 0) {
        best = v;
        bestCode = c;
      }
    }
    return bestCode;
  }

  @Test
  void theReferenceCanFail() {
    Minifloat f = Minifloat.e4m3();
    assertEquals(0x38, nearestCode(f, 1.0), "1.0 is 0.0111.000");
    assertEquals(0x7E, nearestCode(f, 1e9), "saturates at 448 = 0.1111.110");
    assertEquals(0x38, nearestCode(f, 1.0625), "the midpoint of 1 and 1.125 goes to the even code");
    assertEquals(0x3A, nearestCode(f, 1.1875), "the midpoint of 1.125 and 1.25 goes to the even code");
    assertNotEquals(nearestCode(f, 1.0), nearestCode(f, 1.07));
    assertTrue(LIBRARY.byName("e4m3_trunc3").format().isFloat());
  }
}
