package org.axdse.simulator.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.axdse.simulator.model.AffineLayer;
import org.axdse.simulator.model.ConvLayer;
import org.axdse.simulator.model.DenseLayer;
import org.axdse.simulator.model.FloatExecutor;
import org.axdse.simulator.model.GruLayer;
import org.axdse.simulator.model.LstmLayer;
import org.axdse.simulator.model.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Small models written with {@link OnnxGraphBuilder}, each exercising some operators and attributes: the float path
 * must agree with ONNX Runtime on random inputs to 1e-4, for the file as written and for the IR exported again.
 */
class SmallModelsOrtTest {
  static final int BATCH = 3;
  final Random rnd = new Random(42);
  @TempDir Path dir;

  float[] random(int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) rnd.nextGaussian() * 0.5f;
    }
    return v;
  }

  /** Builds, imports and compares; returns the imported model for structural assertions. */
  Model check(String name, int[] inputDims, Function<OnnxGraphBuilder, String> body) {
    OnnxGraphBuilder b = OnnxGraphBuilder.create(name);
    String x = b.input("x", inputDims);
    b.output(body.apply(b));
    Path file = dir.resolve(name + ".onnx");
    b.write(file);
    Model model = OnnxImporter.load(file);
    int per = model.input().shape().size();
    float[] in = random(BATCH * per);
    long[] shape = new long[inputDims.length + 1];
    shape[0] = BATCH;
    for (int i = 0; i < inputDims.length; i++) {
      shape[i + 1] = inputDims[i];
    }
    float[] ours = FloatExecutor.of(model).run(in, BATCH);
    float[] ort = OrtOracle.run(file, "x", in, shape);
    double worst = OrtOracle.worstRelative(ours, ort);
    assertTrue(worst < 1e-4, name + ": worst relative difference " + worst);
    Path exported = dir.resolve(name + ".exported.onnx");
    OnnxExporter.write(model, exported);
    double again = OrtOracle.worstRelative(ours, OrtOracle.run(exported, "x", in, shape));
    assertTrue(again < 1e-4, name + " exported: worst relative difference " + again);
    return model;
  }

  @Test
  void groupedDepthwiseStridedDilatedPaddedAndPointwiseConvolutions() {
    Model m = check("convs", new int[] {4, 9, 11}, b -> {
      String y = b.conv("dw", "x", random(4 * 9), new int[] {4, 1, 3, 3}, random(4), new int[] {2, 1},
          new int[] {1, 0, 2, 1}, new int[] {2, 1}, 4);
      y = b.conv("pw", y, random(6 * 4), new int[] {6, 4, 1, 1}, null, new int[] {1, 1}, new int[] {0, 0, 0, 0},
          new int[] {1, 1}, 1);
      return b.conv("grouped", y, random(6 * 3 * 9), new int[] {6, 3, 3, 3}, random(6), new int[] {1, 1},
          new int[] {1, 1, 1, 1}, new int[] {1, 1}, 2);
    });
    assertEquals(3, m.approximableLayers().size());
  }

  @Test
  void batchNormFoldsIntoConvAndGemmButStaysAffineAfterRelu() {
    float[] var = {0.5f, 1.5f, 2f, 0.8f};
    Model m = check("bn", new int[] {3, 6, 6}, b -> {
      String y = b.conv("c1", "x", random(4 * 3 * 9), new int[] {4, 3, 3, 3}, random(4), new int[] {1, 1},
          new int[] {1, 1, 1, 1}, new int[] {1, 1}, 1);
      y = b.batchNormalization("bn1", y, random(4), random(4), random(4), var, 1e-5f);
      y = b.relu("r1", y);
      y = b.batchNormalization("bn2", y, random(4), random(4), random(4), var, 1e-3f);
      y = b.flatten("f", y, 1);
      y = b.gemm("g", y, random(5 * 144), new int[] {5, 144}, random(5), 1f, 1f, true);
      return b.batchNormalization("bn3", y, random(5), random(5), random(5), new float[] {1, 2, 3, 4, 5}, 1e-5f);
    });
    // bn1 folds into c1 and bn3 into g; bn2 follows a Relu, so it stays as the only affine layer.
    assertEquals(1, m.layers().stream().filter(l -> l instanceof AffineLayer).count());
    assertEquals("c1", m.approximableLayers().get(0).name());
  }

  @Test
  void gemmAlphaBetaTransposesAndSoftmax() {
    check("gemm", new int[] {12}, b -> {
      String y = b.gemm("g1", "x", random(5 * 12), new int[] {5, 12}, random(5), 0.5f, 2f, true);
      y = b.gemm("g2", y, random(5 * 3), new int[] {5, 3}, null, 1.5f, 1f, false);
      return b.softmax("sm", y, 1);
    });
  }

  @Test
  void matMulOverASequenceWithFoldedBiasAndConstantArithmetic() {
    Model m = check("matmul", new int[] {5, 6}, b -> {
      String y = b.matMul("mm", "x", random(6 * 4), 6, 4);
      y = b.add("bias", y, b.constant("bias.c", random(4), 4));
      y = b.clip("relu6", y, 0f, 6f);
      y = b.mul("scale", y, b.constant("scale.c", random(4), 4));
      return b.softmax("sm", y, 2);
    });
    DenseLayer d = (DenseLayer) m.approximableLayers().get(0);
    assertEquals(5, d.rows());
    assertTrue(d.bias()[0] != 0f, "the Add folded into the MatMul bias");
  }

  @Test
  void lstmLastHiddenStateIntoClassifier() {
    int t = 7;
    int in = 5;
    int h = 6;
    Model m = check("lstm", new int[] {t, in}, b -> {
      String seq = b.transpose("tm", "x", 1, 0, 2);
      String[] outs = b.lstm("lstm", seq, random(4 * h * in), random(4 * h * h), random(8 * h), h);
      String last = b.squeeze("last", outs[1], 0);
      return b.gemm("fc", last, random(3 * h), new int[] {3, h}, random(3), 1f, 1f, true);
    });
    assertTrue(m.approximableLayers().get(0) instanceof LstmLayer);
    // 7 steps x 4 gates x 6 hidden x (5 inputs + 6 recurrent) + the 6 x 3 classifier
    assertEquals(7L * 4 * 6 * (5 + 6) + 6 * 3, m.macsPerSample());
  }

  @Test
  void gruSequenceOutputsWithAndWithoutLinearBeforeReset() {
    int t = 6;
    int in = 4;
    int h = 5;
    for (boolean lbr : new boolean[] {false, true}) {
      Model m = check("gru" + lbr, new int[] {t, in}, b -> {
        String seq = b.transpose("tm", "x", 1, 0, 2);
        String y = b.gru("gru", seq, random(3 * h * in), random(3 * h * h), random(6 * h), h, lbr)[0];
        return b.transpose("bf", b.squeeze("sq", y, 1), 1, 0, 2);
      });
      assertEquals(lbr, ((GruLayer) m.approximableLayers().get(0)).linearBeforeReset());
    }
  }

  @Test
  void sliceWithInt64BoundsAndNegativeStepPadAndConcat() {
    check("shortcut", new int[] {3, 8, 8}, b -> {
      String s = b.slice("sub", "x", new long[] {0, 1}, new long[] {Long.MAX_VALUE, Long.MAX_VALUE},
          new long[] {2, 3}, new long[] {2, 2});
      s = b.pad("padc", s, new long[] {0, 2, 0, 0, 0, 1, 0, 0}, 0f);
      String c = b.conv("c", "x", random(6 * 3 * 9), new int[] {6, 3, 3, 3}, random(6), new int[] {2, 2},
          new int[] {1, 1, 1, 1}, new int[] {1, 1}, 1);
      String rev = b.slice("rev", c, new long[] {-1}, new long[] {Long.MIN_VALUE}, new long[] {-1},
          new long[] {-1});
      String sum = b.add("sum", s, rev);
      return b.concat("cat", 1, sum, c);
    });
  }

  @Test
  void poolsFlattenAndReshape() {
    check("pools", new int[] {2, 9, 9}, b -> {
      String m = b.maxPool("mp", "x", new int[] {3, 3}, new int[] {2, 2}, new int[] {1, 1, 1, 1});
      String a = b.averagePool("ap", "x", new int[] {3, 3}, new int[] {2, 2}, new int[] {1, 1, 1, 1}, false);
      String ai = b.averagePool("api", "x", new int[] {3, 2}, new int[] {2, 2}, new int[] {1, 0, 1, 1}, true);
      String sum = b.add("s", m, a);
      String g = b.globalAveragePool("gap", sum);
      String f = b.flatten("flat", ai, 1);
      String r = b.reshape("rs", g, 0, -1);
      return b.concat("cat", 1, f, r);
    });
  }

  @Test
  void softmaxOverAMiddleAxisTransposesAndPassthroughs() {
    Model m = check("softmax", new int[] {3, 4, 5}, b -> {
      String t = b.transpose("t", "x", 0, 2, 3, 1);
      String s = b.softmax("sm", t, 2);
      String d = b.node("Dropout", "drop", List.of(s), List.of("drop"));
      String i = b.node("Identity", "id", List.of(d), List.of("id"));
      return b.unsqueeze("u", i, 4);
    });
    // Identity and Dropout leave no layer behind
    assertEquals(List.of("Transpose", "Softmax", "Reshape"), m.layers().stream().map(l -> l.kind()).toList());
  }

  @Test
  void convWithoutBiasThenConstantAddFoldsIntoBias() {
    Model m = check("convadd", new int[] {2, 5, 5}, b -> {
      String y = b.conv("c", "x", random(3 * 2 * 9), new int[] {3, 2, 3, 3}, null, new int[] {1, 1},
          new int[] {0, 0, 0, 0}, new int[] {1, 1}, 1);
      return b.add("a", y, b.constant("a.c", random(3), 3, 1, 1));
    });
    assertEquals(1, m.layers().size());
    assertTrue(m.layers().get(0) instanceof ConvLayer);
  }
}
