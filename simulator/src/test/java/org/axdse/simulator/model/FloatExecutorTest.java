package org.axdse.simulator.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The float kernels against brute-force definitions, and the executor's batching and taps. */
class FloatExecutorTest {
  final Random rnd = new Random(1);

  float[] random(int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) rnd.nextGaussian();
    }
    return v;
  }

  /** Direct 7-loop convolution in double, straight from the definition. */
  static double[] bruteConv(ConvLayer l, float[] x) {
    Shape in = l.input().shape();
    Shape out = l.output().shape();
    Window w = l.window();
    int cinG = l.inC() / l.groups();
    int coutG = l.outC() / l.groups();
    double[] y = new double[out.size()];
    for (int oc = 0; oc < l.outC(); oc++) {
      int g = oc / coutG;
      for (int oy = 0; oy < out.dim(1); oy++) {
        for (int ox = 0; ox < out.dim(2); ox++) {
          double s = l.bias()[oc];
          for (int ic = 0; ic < cinG; ic++) {
            for (int ky = 0; ky < w.kH(); ky++) {
              for (int kx = 0; kx < w.kW(); kx++) {
                int iy = oy * w.strideH() - w.padTop() + ky * w.dilationH();
                int ix = ox * w.strideW() - w.padLeft() + kx * w.dilationW();
                if (iy >= 0 && iy < in.dim(1) && ix >= 0 && ix < in.dim(2)) {
                  s += (double) l.weights()[((oc * cinG + ic) * w.kH() + ky) * w.kW() + kx]
                      * x[((g * cinG + ic) * in.dim(1) + iy) * in.dim(2) + ix];
                }
              }
            }
          }
          y[(oc * out.dim(1) + oy) * out.dim(2) + ox] = s;
        }
      }
    }
    return y;
  }

  @Test
  void convolutionMatchesBruteForceOnRandomGeometries() {
    for (int trial = 0; trial < 60; trial++) {
      int groups = 1 + rnd.nextInt(3);
      int inC = groups * (1 + rnd.nextInt(3));
      int outC = groups * (1 + rnd.nextInt(6));
      int k = 1 + rnd.nextInt(3);
      Window w = new Window(k, 1 + rnd.nextInt(3), 1 + rnd.nextInt(2), 1 + rnd.nextInt(3), rnd.nextInt(2),
          rnd.nextInt(3), rnd.nextInt(2), rnd.nextInt(2), 1 + rnd.nextInt(2), 1 + rnd.nextInt(2));
      int h = 6 + rnd.nextInt(30);
      int wd = 6 + rnd.nextInt(40);
      TensorInfo x = new TensorInfo("x", Shape.of(inC, h, wd));
      Shape os = Shape.of(outC, w.outH(h), w.outW(wd));
      ConvLayer l = new ConvLayer("c", Ports.of(x, "y", os), inC, outC, w, groups,
          random(outC * (inC / groups) * w.kH() * w.kW()), random(outC));
      Model m = new Model("m", x, l.output(), List.of(l));
      float[] in = random(2 * x.shape().size());
      float[] out = FloatExecutor.of(m).run(in, 2);
      for (int n = 0; n < 2; n++) {
        double[] ref = bruteConv(l, Arrays.copyOfRange(in, n * x.shape().size(), (n + 1) * x.shape().size()));
        for (int i = 0; i < ref.length; i++) {
          assertEquals(ref[i], out[n * ref.length + i], 1e-4 * Math.max(1, Math.abs(ref[i])), "trial " + trial);
        }
      }
    }
  }

  @Test
  void maxAndAveragePoolingMatchTheDefinition() {
    TensorInfo x = new TensorInfo("x", Shape.of(1, 3, 3));
    float[] in = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    Window w = new Window(2, 2, 2, 2, 1, 1, 0, 0, 1, 1);
    PoolLayer max = new PoolLayer("p", Ports.of(x, "y", Shape.of(1, 2, 2)), PoolKind.MAX, w, false);
    PoolLayer avg = new PoolLayer("p", Ports.of(x, "y", Shape.of(1, 2, 2)), PoolKind.AVERAGE, w, false);
    PoolLayer avgPad = new PoolLayer("p", Ports.of(x, "y", Shape.of(1, 2, 2)), PoolKind.AVERAGE, w, true);
    // windows (padded top-left by 1): {1}, {2,3}, {4,7}, {5,6,8,9}
    assertArrayEquals(new float[] {1, 3, 7, 9}, run(max, in), 0f);
    assertArrayEquals(new float[] {1, 2.5f, 5.5f, 7}, run(avg, in), 1e-6f);
    assertArrayEquals(new float[] {0.25f, 1.25f, 2.75f, 7}, run(avgPad, in), 1e-6f);
  }

  float[] run(Layer l, float[] in) {
    return FloatExecutor.of(new Model("m", l.input(), l.output(), List.of(l))).run(in, 1);
  }

  @Test
  void batchedRunEqualsOneSampleAtATimeAndTapsSeeEveryLayer() {
    TensorInfo x = new TensorInfo("x", Shape.of(2, 5, 5));
    ConvLayer conv = new ConvLayer("conv", Ports.of(x, "c", Shape.of(4, 5, 5)), 2, 4, Window.square(3, 1, 1), 1,
        random(4 * 2 * 9), random(4));
    ClipLayer relu = ClipLayer.relu("relu", Ports.of(conv.output(), "r", Shape.of(4, 5, 5)));
    PoolLayer gap = PoolLayer.globalAverage("gap", relu.output(), "g");
    ReshapeLayer flat = new ReshapeLayer("flat", Ports.of(gap.output(), "f", Shape.of(4)));
    DenseLayer fc = new DenseLayer("fc", Ports.of(flat.output(), "y", Shape.of(3)), 4, 3, random(12), random(3));
    Model m = new Model("m", x, fc.output(), List.of(conv, relu, gap, flat, fc));
    assertEquals(List.of("conv", "fc"), m.approximableLayers().stream().map(Layer::name).toList());
    assertEquals(1, m.approximableIndex("fc"));
    // conv: 4 x 25 outputs x 18 products; fc: 12
    assertEquals(4 * 25 * 18 + 12, m.macsPerSample());
    int batch = 9;
    float[] in = random(batch * 50);
    List<String> seen = new ArrayList<>();
    float[][] reluMin = {{Float.MAX_VALUE}};
    float[] all = FloatExecutor.of(m).run(in, batch, (layer, ins, out, n) -> {
      seen.add(layer.name());
      assertEquals(batch * layer.output().shape().size(), out.length);
      if (layer == relu) {
        for (float v : out) {
          reluMin[0][0] = Math.min(reluMin[0][0], v);
        }
      }
    });
    assertEquals(List.of("conv", "relu", "gap", "flat", "fc"), seen);
    assertTrue(reluMin[0][0] >= 0f);
    for (int n = 0; n < batch; n++) {
      float[] one = FloatExecutor.of(m).run(Arrays.copyOfRange(in, n * 50, n * 50 + 50), 1);
      assertArrayEquals(one, Arrays.copyOfRange(all, n * 3, n * 3 + 3), 0f);
    }
  }
}
