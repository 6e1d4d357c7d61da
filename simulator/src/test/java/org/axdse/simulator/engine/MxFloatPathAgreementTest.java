package org.axdse.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.axdse.multipliers.format.Minifloat;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.simulator.kernels.ActivationPanel;
import org.axdse.simulator.kernels.Im2Col;
import org.axdse.simulator.kernels.KernelMode;
import org.axdse.simulator.kernels.Kernels;
import org.axdse.simulator.model.ApproximableLayer;
import org.axdse.simulator.model.ConvLayer;
import org.axdse.simulator.model.DenseLayer;
import org.axdse.simulator.model.Model;
import org.axdse.multipliers.format.Accumulator;
import org.axdse.simulator.numformat.FormatChoice;
import org.axdse.simulator.numformat.FormatLayer;
import org.axdse.simulator.numformat.ScaleKind;
import org.axdse.simulator.quant.QuantParams;
import org.axdse.simulator.quant.QuantizedModel;
import org.junit.jupiter.api.Test;

/**
 * The integer engine's block-scaled exact design ({@code e4m3_exact_mx32}, {@link MxDesignFlow}) against the float32
 * path's MXFP8 ({@code evaluate --number-format mxfp8}, {@link FormatLayer}) on real ResNet-20 layers with the real
 * input codes of a CIFAR-10 test image: fed the same values (the engine's input codes, dequantized), both round
 * every weight to the same value (block scale included), and the engine's sum equals the exact sum (in
 * {@link BigDecimal}) of the float32 path's rounded weights and activations, so the float32 path's output is the
 * engine's sum plus the bias, rounded to float.
 */
class MxFloatPathAgreementTest {
  /**
   * {@code stages.0.0.conv_a} (16 -> 16), the strided {@code stages.1.0.conv_a} (16 -> 32) and {@code
   * stages.2.0.conv_a} (32 -> 64), the last convolution {@code stages.2.2.conv_b} (64 -> 64: two blocks per tap) and
   * the classifier (64 features: two blocks).
   */
  private static final List<Integer> LAYERS = List.of(1, 7, 13, 18, 19);

  @Test
  void engineMxEqualsTheFloat32MxPathOnResNet20Layers() {
    ResNet20Codes r = ResNet20Codes.of(1, 3L);
    Model m = r.model();
    QuantizedModel q = r.quantization();
    Map<String, byte[]> tensors = r.tensors();
    var design = MultiplierCatalog.builtin().byName("e4m3_exact_mx32");
    FormatChoice mxfp8 = new FormatChoice(Minifloat.e4m3(), ScaleKind.MX32, Accumulator.EXACT);
    int outputs = 0;
    try (Kernels k = Kernels.create(1, KernelMode.fromSystemProperty())) {
      for (int i : LAYERS) {
        ApproximableLayer l = m.approximableLayers().get(i);
        QuantParams in = q.layer(i).input();
        byte[] codes = tensors.get(l.input().name());
        float[] x = dequantized(in, codes);
        MxDesignFlow flow = MxDesignFlow.of(l, q.layer(i), design);
        FormatLayer ref = FormatLayer.of(l, mxfp8, 0);
        float[] rw = ref.roundedWeights();
        double[] ew = flow.roundedWeights();
        for (int j = 0; j < rw.length; j++) {
          assertEquals(rw[j], ew[j], 0.0, l.name() + " weight " + j);
        }
        ActivationPanel panel = panel(l, codes, (byte) in.zeroPoint());
        double[] sums = flow.sums(panel, 0, ew.length / panel.rows(), k);
        double[] scalar = MxDesignFlow.scalarReference(l, q.layer(i), design).sums(panel, 0, sums.length
            / panel.cols(), k);
        float[] rx = ref.roundActivations(x, 1);
        double[] exact = exactSums(l, rw, rx, panel.rows(), panel.cols());
        float[] y = ref.run(x, 1);
        float[] bias = l instanceof ConvLayer c ? c.bias() : ((DenseLayer) l).bias();
        for (int j = 0; j < sums.length; j++) {
          assertEquals(exact[j], sums[j], 0.0, l.name() + " output " + j + ": the exact sum of the float32 path");
          assertEquals(scalar[j], sums[j], 0.0, l.name() + " output " + j + ": vectorized vs scalar loop");
          assertEquals(y[j], (float) (sums[j] + bias[j / panel.cols()]), 0.0, l.name() + " output " + j);
        }
        outputs += sums.length;
      }
    }
    assertEquals(16 * 32 * 32 + 32 * 16 * 16 + 2 * 64 * 8 * 8 + 10, outputs, "every output of the five layers");
  }

  /** The real values of input codes {@code codes}, as float32 (what the float32 path is fed). */
  static float[] dequantized(QuantParams in, byte[] codes) {
    float[] x = new float[codes.length];
    for (int j = 0; j < x.length; j++) {
      x[j] = (float) in.dequantize(in.signed() ? codes[j] : codes[j] & 0xFF);
    }
    return x;
  }

  /** The activation panel of one image's input codes of a convolution or dense layer. */
  static ActivationPanel panel(ApproximableLayer l, byte[] codes, byte pad) {
    if (l instanceof ConvLayer c) {
      ActivationPanel p = ActivationPanel.allocate(1, 1);
      Im2Col.pack(FloatDesignPathsTest.geometry(c), 1, codes, 0, pad, p);
      return p;
    }
    DenseLayer d = (DenseLayer) l;
    ActivationPanel p = ActivationPanel.allocate(d.inFeatures(), 1);
    p.packColumns(codes, 0);
    return p;
  }

  /** The exact sums of rounded weights {@code w} and rounded activations {@code x} by direct loops. */
  private static double[] exactSums(ApproximableLayer l, float[] w, float[] x, int k, int cols) {
    int rows = w.length / k;
    double[] out = new double[rows * cols];
    if (l instanceof DenseLayer) {
      for (int n = 0; n < rows; n++) {
        BigDecimal s = BigDecimal.ZERO;
        for (int i = 0; i < k; i++) {
          s = s.add(new BigDecimal(w[n * k + i]).multiply(new BigDecimal(x[i])));
        }
        out[n] = s.doubleValue();
      }
      return out;
    }
    ConvLayer c = (ConvLayer) l;
    var s = c.input().shape();
    int h = s.dim(1);
    int wd = s.dim(2);
    var win = c.window();
    int oh = win.outH(h);
    int ow = win.outW(wd);
    for (int n = 0; n < rows; n++) {
      for (int oy = 0; oy < oh; oy++) {
        for (int ox = 0; ox < ow; ox++) {
          BigDecimal sum = BigDecimal.ZERO;
          for (int ch = 0; ch < c.inC(); ch++) {
            for (int ky = 0; ky < win.kH(); ky++) {
              for (int kx = 0; kx < win.kW(); kx++) {
                int iy = oy * win.strideH() - win.padTop() + ky * win.dilationH();
                int ix = ox * win.strideW() - win.padLeft() + kx * win.dilationW();
                if (iy >= 0 && iy < h && ix >= 0 && ix < wd) {
                  float wv = w[n * k + (ch * win.kH() + ky) * win.kW() + kx];
                  sum = sum.add(new BigDecimal(wv).multiply(new BigDecimal(x[(ch * h + iy) * wd + ix])));
                }
              }
            }
          }
          out[n * cols + oy * ow + ox] = sum.doubleValue();
        }
      }
    }
    return out;
  }
}
