package org.axdse.simulator.onnx;

import static org.axdse.simulator.onnx.OnnxGraphBuilder.attr;
import static org.axdse.simulator.onnx.OnnxGraphBuilder.ints;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.axdse.multipliers.util.AtomicFiles;
import org.axdse.simulator.model.FloatExecutor;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.onnx.proto.OnnxSubset.OperatorSetIdProto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AveragePool with {@code ceil_mode=1} as ONNX writes it directly (PyTorch's own export turns
 * {@code count_include_pad=True} into a Pad node, tested in {@link CompatModelsTest}): PyTorch's divisor, which
 * clamps the window to the input plus the declared padding, on an all-ones input, and ONNX Runtime (opset 19) on
 * random inputs for both {@code count_include_pad} values.
 */
class AveragePoolCeilTest {
  @TempDir Path dir;

  /**
   * One AveragePool at opset 19: ONNX Runtime follows PyTorch's divisor for the ceiling windows only from opset 19
   * on (microsoft/onnxruntime#16752); at the older opsets it divides them by the whole kernel (#16203).
   */
  Path pool(String name, int size, int k, int stride, int pad, long includePad) {
    OnnxGraphBuilder b = OnnxGraphBuilder.create(name);
    b.input("x", 1, size, size);
    b.output(b.op("AveragePool", "p", List.of("x"), ints("kernel_shape", k, k), ints("strides", stride, stride),
        ints("pads", pad, pad, pad, pad), attr("ceil_mode", 1L), attr("count_include_pad", includePad)));
    Path file = dir.resolve(name + ".onnx");
    AtomicFiles.write(file, b.build().toBuilder().clearOpsetImport()
        .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(19)).build().toByteArray());
    return file;
  }

  static float[] ones(int n) {
    float[] x = new float[n];
    Arrays.fill(x, 1f);
    return x;
  }

  /**
   * PyTorch 1.13's {@code F.avg_pool2d(torch.ones(1, 1, 8, 8), 3, 2, 1, ceil_mode=True, count_include_pad=True)}:
   * the first window covers 2 input rows of its 3 (the third is declared padding, counted), the last starts at row
   * 7 and is clamped to rows 7 and 8 (8 is padding, counted; 9 is beyond the declared padding, not counted).
   */
  @Test
  void countIncludePadDividesByTheWindowClampedToTheDeclaredPadding() {
    float[] y = FloatExecutor.of(OnnxImporter.load(pool("p8", 8, 3, 2, 1, 1))).run(ones(64), 1);
    float t = 2f / 3;
    float[] first = {4f / 9, t, t, t, 1f / 3};
    float[] middle = {t, 1, 1, 1, 0.5f};
    float[] last = {1f / 3, 0.5f, 0.5f, 0.5f, 0.25f};
    for (int r = 0; r < 5; r++) {
      assertArrayEquals(r == 0 ? first : r == 4 ? last : middle, Arrays.copyOfRange(y, 5 * r, 5 * r + 5), 1e-6f,
          "row " + r);
    }
    // F.avg_pool2d(torch.ones(1, 1, 7, 7), 3, 3, 1, ceil_mode=True, count_include_pad=True): corners 4/9, edges 2/3
    float[] z = FloatExecutor.of(OnnxImporter.load(pool("p7", 7, 3, 3, 1, 1))).run(ones(49), 1);
    assertArrayEquals(new float[] {4f / 9, t, 4f / 9, t, 1, t, 4f / 9, t, 4f / 9}, z, 1e-6f);
  }

  @Test
  void bothCountModesEqualOnnxRuntime() {
    SplittableRandom r = new SplittableRandom(5);
    for (long include : new long[] {0, 1}) {
      for (int[] g : new int[][] {{8, 3, 2, 1}, {7, 3, 3, 1}, {7, 2, 2, 0}, {9, 3, 2, 0}}) {
        Path f = pool("p" + include + g[0] + g[1] + g[2] + g[3], g[0], g[1], g[2], g[3], include);
        Model m = OnnxImporter.load(f);
        float[] x = new float[2 * g[0] * g[0]];
        for (int i = 0; i < x.length; i++) {
          x[i] = (float) r.nextDouble(-1, 1);
        }
        float[] ours = FloatExecutor.of(m).run(x, 2);
        float[] ort = OrtOracle.run(f, "x", x, 2, 1, g[0], g[0]);
        assertEquals(0.0, OrtOracle.worstRelative(ours, ort), 1e-6, f.getFileName() + " " + m.layers());
      }
    }
  }
}
