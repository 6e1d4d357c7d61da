package org.axdse.simulator.precision;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.engine.SessionOptions;
import org.axdse.simulator.engine.SimulationSession;
import org.axdse.simulator.engine.TinyNets;
import org.axdse.simulator.engine.WidthSet;
import org.axdse.simulator.model.ConvLayer;
import org.axdse.simulator.model.DenseLayer;
import org.axdse.simulator.model.FloatExecutor;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.Preprocessing;
import org.axdse.simulator.quant.LayerQuantization;
import org.axdse.simulator.quant.QuantMode;
import org.axdse.simulator.quant.QuantizedModel;
import org.axdse.simulator.quant.WidthQuantizations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GPTQ rounding of a calibrated model at a narrower width: the input moments equal a direct computation, no row's
 * output error exceeds nearest rounding's, grids and biases are kept, and evaluations are the same on every run and
 * thread count.
 */
class GptqRoundingTest {
  @TempDir Path dir;

  private record Setup(Model model, Dataset data, Preprocessing pre, QuantizedModel q8) {}

  private Setup setup() {
    TinyNets t = new TinyNets(11);
    Model m = t.cnn(dir);
    Dataset data = t.images(m, 24, 5);
    return new Setup(m, data, TinyNets.preprocessing(m, 5),
        TinyNets.quantize(m, data, TinyNets.config(QuantMode.SYMMETRIC, true, 8), 5));
  }

  private static float[] input(Setup s, int image) {
    int per = s.model.input().shape().size();
    byte[] px = new byte[per];
    float[] x = new float[per];
    s.data.copyImage(image, px, 0);
    s.pre.apply(px, 0, x, 0);
    return x;
  }

  @Test
  void momentsEqualADirectComputation() {
    Setup s = setup();
    Map<Integer, InputMoments.LayerMoments> m = InputMoments.of(s.model, s.pre, s.data);
    ConvLayer c1 = (ConvLayer) s.model.approximableLayers().get(0);
    int fc = s.model.approximableLayers().size() - 1;
    DenseLayer dense = (DenseLayer) s.model.approximableLayers().get(fc);
    double[][] conv = new double[27][27];
    double[][] gemm = new double[dense.inFeatures()][dense.inFeatures()];
    long positions = 0;
    List<float[]> fcInputs = new ArrayList<>();
    for (int n = 0; n < s.data.size(); n++) {
      float[] x = input(s, n);
      // 3x3, stride 1, padding 1 over [3, 8, 8]: column (c*3 + ky)*3 + kx, zero outside the image
      for (int oy = 0; oy < 8; oy++) {
        for (int ox = 0; ox < 8; ox++) {
          double[] col = new double[27];
          for (int c = 0; c < 3; c++) {
            for (int ky = 0; ky < 3; ky++) {
              for (int kx = 0; kx < 3; kx++) {
                int y = oy + ky - 1;
                int xx = ox + kx - 1;
                col[(c * 3 + ky) * 3 + kx] = y < 0 || y >= 8 || xx < 0 || xx >= 8 ? 0 : x[c * 64 + y * 8 + xx];
              }
            }
          }
          for (int i = 0; i < 27; i++) {
            for (int j = 0; j < 27; j++) {
              conv[i][j] += col[i] * col[j];
            }
          }
          positions++;
        }
      }
      FloatExecutor.of(s.model).run(x, 1, (layer, ins, out, batch) -> {
        if (layer.name().equals(dense.name())) {
          fcInputs.add(ins.get(0).clone());
        }
      });
    }
    for (float[] v : fcInputs) {
      for (int i = 0; i < v.length; i++) {
        for (int j = 0; j < v.length; j++) {
          gemm[i][j] += (double) v[i] * v[j] / fcInputs.size();
        }
      }
    }
    for (int i = 0; i < 27; i++) {
      for (int j = 0; j < 27; j++) {
        assertEquals(conv[i][j] / positions, m.get(0).second()[0][i][j], 1e-9 * (1 + Math.abs(conv[i][j])));
      }
    }
    for (int i = 0; i < gemm.length; i++) {
      assertArrayEquals(gemm[i], m.get(fc).second()[0][i], 1e-6);
    }
    assertEquals(8, m.get(1).groups(), "the depthwise layer has one H per channel");
  }

  @Test
  void noRowIsWorseThanNearestAndSomeAreBetter() {
    Setup s = setup();
    Map<Integer, InputMoments.LayerMoments> m = InputMoments.of(s.model, s.pre, s.data);
    WidthQuantizations nearest = new WidthQuantizations(s.model, s.q8);
    WidthQuantizations gptq = new WidthQuantizations(s.model, s.q8.withRounding(new GptqRounding(s.model, m,
        Gptq.DAMP)));
    int better = 0;
    for (int bits : new int[] {3, 4}) {
      for (int l : m.keySet()) {
        LayerQuantization a = nearest.layer(l, bits);
        LayerQuantization b = gptq.layer(l, bits);
        assertEquals(a.weights().params(), b.weights().params(), "the grid is min/max quantization's");
        assertArrayEquals(a.bias(), b.bias());
        float[] w = s.model.approximableLayers().get(l) instanceof ConvLayer c ? c.weights()
            : ((DenseLayer) s.model.approximableLayers().get(l)).weights();
        int rows = a.bias().length;
        int per = w.length / rows;
        for (int r = 0; r < rows; r++) {
          double[][] h = m.get(l).second()[r / (rows / m.get(l).groups())];
          int[] ca = java.util.Arrays.copyOfRange(a.weights().codes(), r * per, (r + 1) * per);
          int[] cb = java.util.Arrays.copyOfRange(b.weights().codes(), r * per, (r + 1) * per);
          double ea = Gptq.error(w, r * per, ca, a.weights().paramsOf(r * per), h);
          double eb = Gptq.error(w, r * per, cb, b.weights().paramsOf(r * per), h);
          assertTrue(eb <= ea, "layer " + l + " row " + r + ": " + eb + " > " + ea);
          better += eb < ea ? 1 : 0;
        }
      }
    }
    assertTrue(better > 0, "GPTQ changed no row");
  }

  @Test
  void evaluationsAreTheSameOnEveryRunAndThreadCount() {
    Setup s = setup();
    List<String> names = s.model.approximableLayers().stream().map(l -> l.name()).toList();
    Assignment a = Assignment.uniform(names, "s8x4_exact_bw");
    byte[][] logits = new byte[3][];
    for (int run = 0; run < 3; run++) {
      QuantizedModel q = run == 2 ? s.q8 : s.q8.withRounding(GptqRounding.fit(s.model, s.pre, s.data));
      try (SimulationSession session = SimulationSession.open(s.model, q, s.data, MultiplierCatalog.builtin(),
          SessionOptions.defaults().withThreads(run + 1).withBatchSize(16).withFloatReference(false)
              .withWidths(new WidthSet(List.of(4, 8))))) {
        int[] all = java.util.stream.IntStream.range(0, s.data.size()).toArray();
        logits[run] = session.logits(a, all);
      }
    }
    assertArrayEquals(logits[0], logits[1], "1 and 2 threads, two fits");
    assertFalse(java.util.Arrays.equals(logits[0], logits[2]), "GPTQ changes the 4-bit logits (the test can fail)");
  }
}
