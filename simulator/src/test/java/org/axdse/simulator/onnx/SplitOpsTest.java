package org.axdse.simulator.onnx;

import static org.axdse.simulator.onnx.OnnxGraphBuilder.attr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.simulator.model.FloatExecutor;
import org.axdse.simulator.model.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Split into given sizes and into equal parts (ShuffleNetV2's {@code chunk}), the parts put back together in
 * another order: the float executor equals ONNX Runtime on the same file; bad sizes are one line.
 */
class SplitOpsTest {
  @TempDir Path dir;

  Path write(String name, String sizes, long axis) {
    OnnxGraphBuilder b = OnnxGraphBuilder.create(name);
    b.input("x", 4, 3, 5);
    List<String> in = sizes == null ? List.of("x") : List.of("x", b.longConstant("sizes",
        java.util.Arrays.stream(sizes.split(",")).mapToLong(Long::parseLong).toArray(), sizes.split(",").length));
    b.node("Split", "split", in, List.of("p", "q"), attr("axis", axis));
    b.output(b.op("Concat", "cat", List.of("q", "p"), attr("axis", axis)));
    Path file = dir.resolve(name + ".onnx");
    b.write(file);
    return file;
  }

  @Test
  void givenSizesAndEqualPartsMatchOnnxRuntime() {
    Random r = new Random(4);
    float[] x = new float[2 * 60];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) r.nextGaussian();
    }
    for (Path f : List.of(write("sizes", "1,3", 1), write("equal", null, 1), write("rows", "1,2", 2))) {
      Model m = OnnxImporter.load(f);
      float[] ours = FloatExecutor.of(m).run(x, 2);
      assertEquals(0.0, OrtOracle.worstRelative(ours, OrtOracle.run(f, "x", x, 2, 4, 3, 5)), f.toString());
    }
  }

  @Test
  void sizesThatDoNotCoverTheAxisAreOneLine() {
    Path f = write("bad", "1,2", 1);
    BadInputException e = org.junit.jupiter.api.Assertions.assertThrows(BadInputException.class,
        () -> OnnxImporter.load(f));
    assertTrue(e.getMessage().contains("node 'split' (Split): unsupported attribute 'split'=[1, 2]"), e.getMessage());
  }
}
