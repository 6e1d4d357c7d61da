package org.axdse.simulator.numformat;

import org.axdse.multipliers.format.Accumulator;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.axdse.multipliers.format.Minifloat;
import org.axdse.simulator.model.ConvLayer;
import org.axdse.simulator.model.FloatExecutor;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.Shape;
import org.axdse.simulator.model.TestData;
import org.axdse.simulator.model.Window;
import org.axdse.simulator.onnx.OnnxImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real ResNet-20 layer (the first 3x3 convolution of the first residual block, 16 -> 16 channels, 32 x 32) in
 * FP8 against an independent reference: every weight and activation rounded by brute force over all codes of the
 * format (nearest value, ties to the even code), the convolution by direct loops with padding, and the sum of
 * products exact in {@link BigDecimal}. The simulator's exact path must agree bit for bit.
 */
class FormatLayerReferenceTest {
  static ConvLayer layer;
  static float[] input;

  @BeforeAll
  static void captureLayerInput() {
    Model m = OnnxImporter.load(TestData.resnet20());
    layer = (ConvLayer) m.approximableLayers().get(1);
    List<float[]> seen = new ArrayList<>();
    FloatExecutor.of(m).run(TestData.images(TestData.testBatch(), 7, 1), 1, (l, ins, out, batch) -> {
      if (l.name().equals(layer.name())) {
        seen.add(ins.get(0).clone());
      }
    });
    input = seen.get(0);
  }

  @Test
  void e4m3PerTensorExactAgreesWithTheRoundingReference() {
    assertEquals(16, layer.inC());
    assertEquals(3, layer.window().kH());
    Minifloat f = Minifloat.e4m3();
    double amax = 0.8 * maxAbs(input); // some activations saturate
    FormatLayer fl = FormatLayer.of(layer, new FormatChoice(f, ScaleKind.TENSOR, Accumulator.EXACT), amax);
    double sa = amax / 448; // E4M3 max finite: 1.75 * 2^8
    assertEquals(sa, fl.activationScale());
    double sw = maxAbs(layer.weights()) / 448;
    double[] a = new double[input.length];
    for (int i = 0; i < a.length; i++) {
      a[i] = nearest(f, input[i] / sa);
    }
    double[] w = new double[layer.weights().length];
    for (int i = 0; i < w.length; i++) {
      w[i] = nearest(f, layer.weights()[i] / sw);
    }
    float[] got = fl.run(input, 1);
    float[] want = referenceConv(layer, a, w, sa, sw);
    assertEquals(want.length, got.length);
    int saturated = 0;
    for (float x : input) {
      saturated += Math.abs(x) > amax ? 1 : 0;
    }
    assertTrue(saturated > 0, "the test must exercise saturation");
    for (int i = 0; i < want.length; i++) {
      assertEquals(Float.floatToIntBits(want[i]), Float.floatToIntBits(got[i]), "output " + i);
    }
  }

  /**
   * E5M2's products span 64 bits, so its double sums are not exact by construction ({@code exactSums} false);
   * on this real layer the rounded values stay close enough in magnitude that they are, which the test records.
   */
  @Test
  void e5m2DoubleSumsAreExactOnThisLayer() {
    Minifloat f = Minifloat.e5m2();
    double amax = maxAbs(input);
    FormatLayer fl = FormatLayer.of(layer, new FormatChoice(f, ScaleKind.TENSOR, Accumulator.EXACT), amax);
    assertTrue(!fl.exactSums());
    double sa = amax / 57344; // E5M2 max finite: 1.75 * 2^15
    double sw = maxAbs(layer.weights()) / 57344;
    double[] a = new double[input.length];
    for (int i = 0; i < a.length; i++) {
      a[i] = nearest(f, input[i] / sa);
    }
    double[] w = new double[layer.weights().length];
    for (int i = 0; i < w.length; i++) {
      w[i] = nearest(f, layer.weights()[i] / sw);
    }
    float[] got = fl.run(input, 1);
    float[] want = referenceConv(layer, a, w, sa, sw);
    int differ = 0;
    for (int i = 0; i < want.length; i++) {
      differ += Float.floatToIntBits(want[i]) != Float.floatToIntBits(got[i]) ? 1 : 0;
    }
    assertEquals(0, differ, "outputs that differ from the exact sum");
  }

  @Test
  void mx32AgreesWithTheBlockRoundingReference() {
    Minifloat f = Minifloat.e4m3();
    FormatLayer fl = FormatLayer.of(layer, new FormatChoice(f, ScaleKind.MX32, Accumulator.EXACT), 0);
    Shape s = layer.input().shape();
    int plane = s.dim(1) * s.dim(2);
    double[] a = new double[input.length];
    for (int q = 0; q < plane; q++) { // 16 channels: one block per pixel
      double amax = 0;
      for (int c = 0; c < 16; c++) {
        amax = Math.max(amax, Math.abs(input[c * plane + q]));
      }
      int x = amax == 0 ? 0 : (int) Math.floor(Math.log(amax) / Math.log(2)) - 8; // E4M3 emax = 8
      for (int c = 0; c < 16; c++) {
        a[c * plane + q] = amax == 0 ? 0 : Math.scalb(nearest(f, Math.scalb((double) input[c * plane + q], -x)), x);
      }
    }
    float[] wt = layer.weights();
    double[] w = new double[wt.length];
    for (int n = 0; n < 16; n++) {
      for (int t = 0; t < 9; t++) { // one block: the 16 input channels at one tap
        double amax = 0;
        for (int c = 0; c < 16; c++) {
          amax = Math.max(amax, Math.abs(wt[(n * 16 + c) * 9 + t]));
        }
        int x = (int) Math.floor(Math.log(amax) / Math.log(2)) - 8;
        for (int c = 0; c < 16; c++) {
          int i = (n * 16 + c) * 9 + t;
          w[i] = Math.scalb(nearest(f, Math.scalb((double) wt[i], -x)), x);
        }
      }
    }
    float[] got = fl.run(input, 1);
    float[] want = referenceConv(layer, a, w, 1, 1);
    for (int i = 0; i < want.length; i++) {
      assertEquals(Float.floatToIntBits(want[i]), Float.floatToIntBits(got[i]), "output " + i);
    }
  }

  /** Direct convolution of rounded values, each output's sum exact, then {@code sum * sa * sw + bias}. */
  static float[] referenceConv(ConvLayer l, double[] a, double[] w, double sa, double sw) {
    Shape is = l.input().shape();
    Shape os = l.output().shape();
    Window win = l.window();
    int h = is.dim(1);
    int wd = is.dim(2);
    float[] out = new float[os.size()];
    for (int n = 0; n < l.outC(); n++) {
      for (int oy = 0; oy < os.dim(1); oy++) {
        for (int ox = 0; ox < os.dim(2); ox++) {
          BigDecimal sum = BigDecimal.ZERO;
          for (int c = 0; c < l.inC(); c++) {
            for (int ky = 0; ky < win.kH(); ky++) {
              for (int kx = 0; kx < win.kW(); kx++) {
                int iy = oy * win.strideH() - win.padTop() + ky * win.dilationH();
                int ix = ox * win.strideW() - win.padLeft() + kx * win.dilationW();
                if (iy >= 0 && iy < h && ix >= 0 && ix < wd) {
                  double p = w[((n * l.inC() + c) * win.kH() + ky) * win.kW() + kx] * a[(c * h + iy) * wd + ix];
                  sum = sum.add(new BigDecimal(p));
                }
              }
            }
          }
          out[(n * os.dim(1) + oy) * os.dim(2) + ox] = (float) (sum.doubleValue() * (sa * sw) + l.bias()[n]);
        }
      }
    }
    return out;
  }

  /** The nearest finite value of {@code f} by brute force over all codes; on a tie the code with mantissa LSB 0. */
  static double nearest(Minifloat f, double x) {
    double best = Double.NaN;
    int bestCode = -1;
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
    return best == 0 ? 0.0 : best;
  }

  static double maxAbs(float[] v) {
    double m = 0;
    for (float x : v) {
      m = Math.max(m, Math.abs(x));
    }
    return m;
  }
}
