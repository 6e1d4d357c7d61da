package org.axdse.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.axdse.multipliers.Multiplier;
import org.axdse.multipliers.format.Accumulator;
import org.axdse.multipliers.format.Minifloat;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.simulator.kernels.ActivationPanel;
import org.axdse.simulator.kernels.KernelMode;
import org.axdse.simulator.kernels.Kernels;
import org.axdse.simulator.model.ApproximableLayer;
import org.axdse.simulator.model.ConvLayer;
import org.axdse.simulator.model.DenseLayer;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.numformat.FormatChoice;
import org.axdse.simulator.numformat.FormatLayer;
import org.axdse.simulator.numformat.ScaleKind;
import org.axdse.simulator.quant.QuantParams;
import org.axdse.simulator.quant.QuantizedModel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Float designs with a rounding accumulator in the integer engine ({@code <design>_accfp32|fp16|bf16}) against the
 * float32 path's {@code --number-format --accumulate} ({@link FormatLayer}) on real ResNet-20 layers with the real
 * input codes of a CIFAR-10 test image: fed the same values, both round every weight to the same value, and the
 * float32 path's output is the engine's rounded sum, scaled, plus the bias, rounded to float, bit for bit.
 */
class FloatAccumulationTest {
  private static final MultiplierCatalog CATALOG = MultiplierCatalog.builtin();

  /** {@code stages.0.0.conv_a} (16 -> 16), the strided {@code stages.1.0.conv_a}, {@code stages.2.2.conv_b}, the classifier. */
  private static final List<Integer> LAYERS = List.of(1, 7, 18, 19);

  @ParameterizedTest
  @CsvSource({"e4m3, fp32", "e4m3, bf16", "e3m4, fp16"})
  void engineRoundedSumsEqualTheNumberFormatPath(String format, String acc) {
    ResNet20Codes r = ResNet20Codes.of(1, 3L);
    Model m = r.model();
    QuantizedModel q = r.quantization();
    Map<String, byte[]> tensors = r.tensors();
    Minifloat f = Minifloat.parse(format);
    Multiplier design = CATALOG.byName(format + "_exact_acc" + acc);
    FormatChoice choice = new FormatChoice(f, ScaleKind.TENSOR, Accumulator.parse(acc));
    int outputs = 0;
    int rounded = 0;
    for (int i : LAYERS) {
      ApproximableLayer l = m.approximableLayers().get(i);
      QuantParams in = q.layer(i).input();
      byte[] codes = tensors.get(l.input().name());
      float[] x = MxFloatPathAgreementTest.dequantized(in, codes);
      FloatDesignFlow flow = FloatDesignFlow.of(l, q.layer(i), design);
      FormatLayer ref = FormatLayer.of(l, choice, Math.max(Math.abs(in.rangeMin()), Math.abs(in.rangeMax())));
      float[] rw = ref.roundedWeights();
      int[] wc = flow.weightCodes();
      for (int j = 0; j < rw.length; j++) {
        assertEquals(rw[j], f.decode(wc[j]), 0.0, l.name() + " weight " + j);
      }
      ActivationPanel panel = MxFloatPathAgreementTest.panel(l, codes, (byte) in.zeroPoint());
      double[] sums = flow.sums(panel);
      double[] exact = FloatDesignFlow.of(l, q.layer(i), CATALOG.byName(format + "_exact")).doublePath()
          .sums(panel);
      float[] y = ref.run(x, 1);
      float[] bias = l instanceof ConvLayer c ? c.bias() : ((DenseLayer) l).bias();
      double[] ws = ref.weightScales();
      int cols = panel.cols();
      for (int j = 0; j < sums.length; j++) {
        int n = j / cols;
        assertEquals(y[j], (float) (sums[j] * (ref.activationScale() * ws[n]) + bias[n]), 0.0,
            l.name() + " output " + j);
        rounded += sums[j] != exact[j] ? 1 : 0;
      }
      outputs += sums.length;
    }
    assertEquals(16 * 32 * 32 + 32 * 16 * 16 + 64 * 8 * 8 + 10, outputs, "every output of the four layers");
    assertTrue(rounded > 0, acc + " rounds some sums of " + format + " (else the test proves nothing)");
  }

  @Test
  void theSameAccumulatorsOnOneAndTwoThreads() {
    ResNet20Codes r = ResNet20Codes.of(2, 5L);
    ConvLayer c = (ConvLayer) r.model().approximableLayers().get(1);
    QuantParams in = r.quantization().layer(1).input();
    FloatDesignFlow flow = FloatDesignFlow.of(c, r.quantization().layer(1), CATALOG.byName("e4m3_lmul_accbf16"));
    var g = FloatDesignPathsTest.geometry(c);
    int m = r.batch() * g.outHeight() * g.outWidth();
    int[][] acc = new int[2][c.outC() * m];
    for (int t = 1; t <= 2; t++) {
      try (Kernels k = Kernels.create(t, KernelMode.fromSystemProperty())) {
        flow.conv(g, r.batch(), r.tensors().get(c.input().name()), (byte) in.zeroPoint(), acc[t - 1], null, k);
      }
    }
    assertArrayEquals(acc[0], acc[1]);
    assertTrue(java.util.Arrays.stream(acc[0]).anyMatch(v -> v != 0));
  }

  @Test
  void anAccumulatorNarrowerThanTheProductsIsOneLineNamingLayerAndDesign() {
    ResNet20Codes r = ResNet20Codes.of(1, 3L);
    ApproximableLayer l = r.model().approximableLayers().get(1);
    // 448 x 448 = 200,704 is beyond FP16's largest value, 65,504
    BadInputException e = assertThrows(BadInputException.class,
        () -> FloatDesignFlow.of(l, r.quantization().layer(1), CATALOG.byName("e4m3_exact_accfp16")));
    assertTrue(e.getMessage().startsWith("layer '" + l.name() + "': multiplier 'e4m3_exact_accfp16': fp16")
        && !e.getMessage().contains("\n"), e.getMessage());
  }
}
