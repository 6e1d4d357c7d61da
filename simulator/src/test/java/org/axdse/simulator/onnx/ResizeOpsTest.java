package org.axdse.simulator.onnx;

import static org.axdse.simulator.onnx.OnnxGraphBuilder.attr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.axdse.simulator.model.FloatExecutor;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.ResizeLayer;
import org.axdse.simulator.onnx.proto.OnnxSubset.AttributeProto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resize in nearest mode beyond what PyTorch 1.13 writes (asymmetric, floor; tested in {@link CompatModelsTest}):
 * the other coordinate transformations that repeat each element import and equal ONNX Runtime on the same file;
 * the ones that do not, linear mode, fractional factors and sizes that are not multiples are one line each.
 */
class ResizeOpsTest {
  @TempDir Path dir;

  /** Resize of x [N, 4, 3, 5] by scales [1, 1, 2, 3] or to sizes. */
  Path resize(String name, float[] scales, long[] sizes, AttributeProto... attrs) {
    OnnxGraphBuilder b = OnnxGraphBuilder.create(name);
    b.input("x", 4, 3, 5);
    List<String> ins = new ArrayList<>(List.of("x", ""));
    ins.add(scales == null ? "" : b.constant("scales", scales, scales.length));
    if (sizes != null) {
      ins.add(b.longConstant("sizes", sizes, sizes.length));
    }
    b.output(b.op("Resize", "up", ins, attrs));
    Path file = dir.resolve(name + ".onnx");
    b.write(file);
    return file;
  }

  static String failure(Path file) {
    String m = CompatErrorsTest.failure(file);
    assertTrue(m.contains("node 'up' (Resize): "), m);
    return m;
  }

  @Test
  void halfPixelTransformsThatRepeatEachElementEqualOnnxRuntime() {
    float[] x = new float[2 * 4 * 3 * 5];
    Random r = new Random(11);
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) r.nextGaussian();
    }
    float[] s = {1, 1, 2, 3};
    for (Path f : List.of(resize("default", s, null), resize("pytorch", s, null,
        attr("coordinate_transformation_mode", "pytorch_half_pixel"), attr("nearest_mode", "round_prefer_ceil")),
        resize("tfnn", s, null, attr("coordinate_transformation_mode", "tf_half_pixel_for_nn"),
            attr("nearest_mode", "floor")), resize("sizes", null, new long[] {2, 4, 6, 15}))) {
      Model m = OnnxImporter.load(f);
      ResizeLayer l = (ResizeLayer) m.layers().get(0);
      assertEquals(List.of(2, 3), List.of(l.scaleH(), l.scaleW()), f.toString());
      float[] ours = FloatExecutor.of(m).run(x, 2);
      float[] ort = OrtOracle.run(f, "x", x, 2, 4, 3, 5);
      assertEquals(0.0, OrtOracle.worstRelative(ours, ort), f.toString());
    }
  }

  @Test
  void otherModesAndFactorsAreRefusedWithOneLine() {
    float[] s = {1, 1, 2, 2};
    assertTrue(failure(resize("linear", s, null, attr("mode", "linear")))
        .endsWith("unsupported attribute 'mode'='linear' (only 'nearest')"));
    // align_corners reads o * (3 - 1) / (9 - 1) rounded: 6 * 2 / 8 = 1.5 rounds to 1 where repetition reads 6 / 3
    assertTrue(failure(resize("corners", new float[] {1, 1, 3, 3}, null,
        attr("coordinate_transformation_mode", "align_corners"))).contains("unsupported attribute"
            + " 'coordinate_transformation_mode'='align_corners' with nearest_mode 'round_prefer_floor': output 6 of 9"
            + " reads input 1, not 2 (only nearest upsampling that repeats each element)"));
    assertTrue(failure(resize("ceil", s, null, attr("coordinate_transformation_mode", "asymmetric"),
        attr("nearest_mode", "round_prefer_ceil"))).contains("output 1 of 6 reads input 1, not 0"));
    assertTrue(failure(resize("fraction", new float[] {1, 1, 1.5f, 2}, null))
        .contains("unsupported scales [1.0, 1.0, 1.5, 2.0] (only integer upsampling factors"));
    assertTrue(failure(resize("down", new float[] {1, 1, 0.5f, 1}, null)).contains("unsupported scales"));
    assertTrue(failure(resize("sizes", null, new long[] {1, 4, 7, 10}))
        .contains("unsupported sizes [1, 4, 7, 10] for input [N, 4, 3, 5] (only integer multiples"));
  }
}
