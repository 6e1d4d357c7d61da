package org.axdse.simulator.numformat;

import org.axdse.multipliers.format.Accumulator;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.ForkJoinPool;
import org.axdse.multipliers.format.Minifloat;
import org.axdse.multipliers.util.ProgressListener;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.data.DatasetSpec;
import org.axdse.simulator.data.Split;
import org.axdse.simulator.model.ConvLayer;
import org.axdse.simulator.model.FloatExecutor;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.Preprocessing;
import org.axdse.simulator.model.TestData;
import org.axdse.simulator.onnx.OnnxImporter;
import org.axdse.simulator.quant.CalibrationMethod;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * ResNet-20 in E4M3 and MXFP8: the logits are bit-identical on 1 and 2 threads, and so are a real layer's outputs
 * under the rounding accumulators (E3M4 for FP16, whose range E4M3's products overflow); the rounding accumulators
 * follow an independent sequential reference; and the format changes the logits (so the comparison is not vacuous).
 */
class FormatNetworkThreadsTest {
  static Model model;
  static Preprocessing pre;
  static Dataset calib;
  static float[] images;

  @BeforeAll
  static void load() {
    model = OnnxImporter.load(TestData.resnet20());
    pre = Preprocessing.load(Path.of("src/test/resources/resnet20.preprocess.json"));
    calib = DatasetSpec.parse("cifar10:" + TestData.cifarDir()).load(Split.TRAIN).subset(8, 1L);
    images = TestData.images(TestData.testBatch(), 0, 2);
  }

  @ParameterizedTest
  @CsvSource({"e4m3,exact", "mxfp8,exact"})
  void logitsAreIdenticalOnOneAndTwoThreads(String format, String acc) throws Exception {
    FormatNetwork net = FormatNetwork.calibrate(model, pre, calib, FormatChoice.parse(format, null, acc),
        CalibrationMethod.MINMAX, ProgressListener.NONE);
    float[] one = new ForkJoinPool(1).submit(() -> net.run(images, 2)).get();
    float[] two = new ForkJoinPool(2).submit(() -> net.run(images, 2)).get();
    assertArrayEquals(one, two);
    float[] ref = FloatExecutor.of(model).run(images, 2);
    assertFalse(java.util.Arrays.equals(ref, one), "E4M3 must change the logits");
  }

  @ParameterizedTest
  @CsvSource({"e4m3,fp32", "e4m3,bf16", "e3m4,fp16"})
  void roundedAccumulatorsGiveIdenticalLayersOnOneAndTwoThreads(String format, String acc) throws Exception {
    ConvLayer c = (ConvLayer) model.approximableLayers().get(1);
    FormatLayer fl = FormatLayer.of(c, FormatChoice.parse(format, null, acc), 2);
    float[] x = new float[4 * c.input().shape().size()];
    java.util.SplittableRandom r = new java.util.SplittableRandom(6);
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) r.nextGaussian();
    }
    float[] one = new ForkJoinPool(1).submit(() -> fl.run(x, 4)).get();
    float[] two = new ForkJoinPool(2).submit(() -> fl.run(x, 4)).get();
    assertArrayEquals(one, two);
  }

  @Test
  void roundedAccumulationFollowsTheSequentialReference() {
    ConvLayer c = (ConvLayer) model.approximableLayers().get(1);
    float[] x = new float[c.input().shape().size()];
    java.util.SplittableRandom r = new java.util.SplittableRandom(5);
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) Math.max(0, r.nextGaussian());
    }
    for (Accumulator acc : new Accumulator[] {Accumulator.FP32, Accumulator.BF16}) {
      FormatLayer fl = FormatLayer.of(c, new FormatChoice(Minifloat.e4m3(), ScaleKind.TENSOR, acc), 3);
      float[] got = fl.run(x, 1);
      float[] a = fl.roundActivations(x, 1);
      float[] w = fl.roundedWeights();
      int n = 5;
      int oy = 0;
      int ox = 7; // a border position: padding taps are zeros in the sum
      double s = 0;
      for (int ch = 0; ch < 16; ch++) { // k = (c*kH + ky)*kW + kx: the reduction order
        for (int ky = 0; ky < 3; ky++) {
          for (int kx = 0; kx < 3; kx++) {
            int iy = oy - 1 + ky;
            int ix = ox - 1 + kx;
            float av = iy < 0 || ix < 0 || iy >= 32 || ix >= 32 ? 0f : a[(ch * 32 + iy) * 32 + ix];
            double p = (double) w[((n * 16 + ch) * 3 + ky) * 3 + kx] * av;
            s = acc == Accumulator.FP32 ? (float) (s + p) : bf16((float) (s + p));
          }
        }
      }
      float want = (float) (s * (fl.activationScale() * fl.weightScales()[n]) + c.bias()[n]);
      assertEquals(want, got[(n * 32 + oy) * 32 + ox], acc.label());
      assertTrue(s != 0);
    }
  }

  /** bfloat16 by rounding the float's bit pattern (the sum of two bfloat16 values is exact in float here). */
  static double bf16(float x) {
    int b = Float.floatToRawIntBits(x);
    return Float.intBitsToFloat((b + 0x7fff + ((b >>> 16) & 1)) & 0xffff0000);
  }
}
