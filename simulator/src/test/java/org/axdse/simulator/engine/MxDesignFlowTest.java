package org.axdse.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.axdse.multipliers.Multiplier;
import org.axdse.multipliers.format.FloatProduct;
import org.axdse.multipliers.format.Minifloat;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.kernels.ActivationPanel;
import org.axdse.simulator.kernels.ConvGeometry;
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
 * {@link MxDesignFlow} against an independent reference: a net whose convolution has 40 input channels (an MX
 * block of 32 and a short one of 8 per tap) and whose dense layer has 80 features (32 + 32 + 16), symmetric and
 * asymmetric, exact and approximate designs of three formats. The reference finds each block's shared exponent by
 * powers of two ({@code 2^X <= amax < 2^(X+1)}), rounds every weight and activation by brute force over all codes
 * ({@link FloatDesignFlowTest#nearestCode}), takes the design's table value (or, for the exact designs, the product
 * of the decoded values), scales it by both block exponents and sums in {@link BigDecimal}. Accumulators must agree
 * bit for bit, on 1 and 2 threads, and the vectorized sums equal the scalar loop's ({@link
 * org.axdse.simulator.kernels.MxTableGemm#sumsScalar}).
 */
class MxDesignFlowTest {
  private static final MultiplierCatalog LIBRARY = MultiplierCatalog.builtin();

  @TempDir Path dir;

  private static Model net(Path dir, TinyNets t) {
    return TinyNets.build(dir, "mx", new int[] {40, 4, 4}, b -> {
      String c = b.relu("r", b.conv("c", "x", t.random(5 * 40 * 9, 0.3), new int[] {5, 40, 3, 3},
          t.random(5, 0.1), new int[] {1, 1}, new int[] {1, 1, 1, 1}, new int[] {1, 1}, 1));
      return b.gemm("fc", b.flatten("fl", c, 1), t.random(3 * 80, 0.5), new int[] {3, 80}, t.random(3, 0.1),
          1f, 1f, true);
    });
  }

  @Test
  void blockScaledDesignsEqualTheBruteForceReference() {
    for (QuantMode mode : QuantMode.values()) {
      TinyNets t = new TinyNets(7);
      Model m = net(dir.resolve(mode.name()), t);
      Dataset data = t.images(m, 16, 3);
      QuantizedModel q = TinyNets.quantize(m, data, TinyNets.config(mode, false, 8), 3);
      for (String design : new String[] {"e4m3_exact_mx32", "e4m3_lmul_mx32", "e2m3_exact_mx32",
          "e5m2_trunc2_mx32"}) {
        for (int i = 0; i < m.approximableLayers().size(); i++) {
          check(m, q, i, LIBRARY.byName(design), mode + " " + design + " layer " + i);
        }
      }
    }
  }

  private static void check(Model m, QuantizedModel q, int index, Multiplier design, String what) {
    LayerQuantization lq = q.layer(index);
    MxDesignFlow flow = MxDesignFlow.of(m.approximableLayers().get(index), lq, design);
    Random r = new Random(index * 17L + design.name().hashCode());
    int batch = 2;
    MxDesignFlow reference = MxDesignFlow.scalarReference(m.approximableLayers().get(index), lq, design);
    int[] one;
    int[] two;
    int[] scalar;
    int[] want;
    if (m.approximableLayers().get(index) instanceof ConvLayer c) {
      var s = c.input().shape();
      byte[] in = new byte[c.inC() * batch * s.dim(1) * s.dim(2)];
      r.nextBytes(in);
      in[0] = (byte) lq.input().zeroPoint();
      var w = c.window();
      ConvGeometry g = new ConvGeometry(c.inC(), s.dim(1), s.dim(2), c.outC(), w.kH(), w.kW(), w.strideH(),
          w.strideW(), w.padTop(), w.padLeft(), w.padBottom(), w.padRight(), w.dilationH(), w.dilationW(),
          c.groups());
      int cols = batch * g.outHeight() * g.outWidth();
      byte pad = (byte) lq.input().zeroPoint();
      one = FloatDesignFlowTest.run(1, k -> flow.conv(g, batch, in, pad, k.acc(), k.sums(), k.kernels()),
          c.outC() * cols, cols);
      two = FloatDesignFlowTest.run(2, k -> flow.conv(g, batch, in, pad, k.acc(), k.sums(), k.kernels()),
          c.outC() * cols, cols);
      scalar = FloatDesignFlowTest.run(1, k -> reference.conv(g, batch, in, pad, k.acc(), k.sums(), k.kernels()),
          c.outC() * cols, cols);
      int taps = w.kH() * w.kW();
      want = FloatDesignFlowTest.referenceConv(c, lq, in, batch, (n, x) -> reference(lq, design, c.weights(), n,
          x, taps));
    } else {
      DenseLayer d = (DenseLayer) m.approximableLayers().get(index);
      byte[] in = new byte[batch * d.inFeatures()];
      r.nextBytes(in);
      ActivationPanel p = ActivationPanel.allocate(d.inFeatures(), batch);
      p.packColumns(in, 0);
      one = FloatDesignFlowTest.run(1, k -> flow.gemm(p, k.acc(), k.kernels()), d.outFeatures() * batch, 0);
      two = FloatDesignFlowTest.run(2, k -> flow.gemm(p, k.acc(), k.kernels()), d.outFeatures() * batch, 0);
      scalar = FloatDesignFlowTest.run(1, k -> reference.gemm(p, k.acc(), k.kernels()), d.outFeatures() * batch, 0);
      want = new int[d.outFeatures() * batch];
      for (int n = 0; n < d.outFeatures(); n++) {
        for (int b = 0; b < batch; b++) {
          int[] x = new int[d.inFeatures()];
          for (int i = 0; i < x.length; i++) {
            x[i] = in[b * d.inFeatures() + i];
          }
          want[n * batch + b] = reference(lq, design, d.weights(), n, x, 1);
        }
      }
    }
    assertEquals(Arrays.toString(one), Arrays.toString(two), what + ": 1 vs 2 threads");
    assertEquals(Arrays.toString(scalar), Arrays.toString(one), what + ": vectorized vs scalar loop");
    assertEquals(Arrays.toString(want), Arrays.toString(one), what);
  }

  /** The shared exponent of a block with largest magnitude {@code amax > 0}: {@code 2^X <= amax < 2^(X+1)}. */
  static int blockExponent(double amax, Minifloat f) {
    int x = 0;
    while (Math.pow(2, x) > amax) {
      x--;
    }
    while (Math.pow(2, x + 1) <= amax) {
      x++;
    }
    int emax = 0;
    while (Math.pow(2, emax + 1) <= f.maxFinite()) {
      emax++;
    }
    return Math.max(-127, Math.min(127, x - emax));
  }

  /** The accumulator of row {@code n} for activation codes {@code x} (reduction order, {@code taps} per channel). */
  private static int reference(LayerQuantization lq, Multiplier design, float[] weights, int n, int[] x, int taps) {
    Minifloat f = design.format().element();
    QuantParams in = lq.input();
    int k = x.length;
    int channels = k / taps;
    boolean exactDesign = design.name().endsWith("_exact_mx32");
    BigDecimal sum = BigDecimal.ZERO;
    int colSum = 0;
    long rowSum = 0;
    double[] v = new double[k];
    for (int i = 0; i < k; i++) {
      int xv = in.signed() ? (byte) x[i] : x[i] & 0xFF;
      colSum += xv;
      rowSum += lq.weights().code(n * k + i);
      v[i] = in.dequantize(xv);
    }
    for (int c0 = 0; c0 < channels; c0 += 32) {
      for (int t = 0; t < taps; t++) {
        double wMax = 0;
        double aMax = 0;
        for (int c = c0; c < Math.min(channels, c0 + 32); c++) {
          wMax = Math.max(wMax, Math.abs(weights[n * k + c * taps + t]));
          aMax = Math.max(aMax, Math.abs(v[c * taps + t]));
        }
        if (wMax == 0 || aMax == 0) {
          continue;
        }
        int xw = blockExponent(wMax, f);
        int xa = blockExponent(aMax, f);
        for (int c = c0; c < Math.min(channels, c0 + 32); c++) {
          int i = c * taps + t;
          int a = FloatDesignFlowTest.nearestCode(f, v[i] / Math.pow(2, xa));
          int w = FloatDesignFlowTest.nearestCode(f, weights[n * k + i] / Math.pow(2, xw));
          double p = exactDesign ? f.decode(a) * f.decode(w) : FloatProduct.unpack(design.table().product(a, w))
              .value();
          sum = sum.add(new BigDecimal(p).multiply(new BigDecimal(Math.pow(2, xa + xw))));
        }
      }
    }
    QuantParams pw = lq.weights().paramsOf(n * k);
    int za = in.zeroPoint();
    long t = QuantParams.roundHalfAway(sum.doubleValue() * (1.0 / (in.scale() * pw.scale())))
        + za * rowSum - (long) k * za * pw.zeroPoint() + (long) pw.zeroPoint() * colSum;
    return (int) t;
  }

  @Test
  void theReferenceAndTheNamesCanFail() {
    Minifloat e4m3 = Minifloat.e4m3();
    assertEquals(0, blockExponent(300, e4m3), "300 in [256, 512): X = 8 - emax 8");
    assertEquals(-9, blockExponent(0.9, e4m3), "0.9 in [0.5, 1): X = -1 - 8");
    assertEquals(1, blockExponent(512, e4m3), "a power of two starts its binade");
    Multiplier mx = LIBRARY.byName("e4m3_lmul_mx32");
    assertEquals(LIBRARY.byName("e4m3_lmul").table(), mx.table(), "the element multiplier's table");
    assertTrue(LIBRARY.contains("e2m1_exact_mx32"));
    assertTrue(!LIBRARY.contains("s8x8_trunc4_mx32") && !LIBRARY.contains("e4m3_lmul_mx32_mx32"),
        "integer designs and double suffixes are not block-scaled designs");
    assertNotEquals(FloatDesignFlowTest.nearestCode(e4m3, 1.0), FloatDesignFlowTest.nearestCode(e4m3, 1.07));
  }
}
