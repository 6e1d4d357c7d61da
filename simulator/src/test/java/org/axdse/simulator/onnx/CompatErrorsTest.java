package org.axdse.simulator.onnx;

import static org.axdse.simulator.onnx.OnnxGraphBuilder.attr;
import static org.axdse.simulator.onnx.OnnxGraphBuilder.ints;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.PoolLayer;
import org.axdse.simulator.model.Shape;
import org.axdse.simulator.onnx.proto.OnnxSubset.ModelProto;
import org.axdse.simulator.onnx.proto.OnnxSubset.OperatorSetIdProto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The edge-CNN operators outside what the importer supports fail with one line naming file, node and problem. */
class CompatErrorsTest {
  @TempDir Path dir;

  Path write(String name, Function<OnnxGraphBuilder, String> body) {
    OnnxGraphBuilder b = OnnxGraphBuilder.create(name);
    b.input("x", 4, 3, 5);
    b.output(body.apply(b));
    Path file = dir.resolve(name + ".onnx");
    b.write(file);
    return file;
  }

  /** The one-line error importing {@code file} gives, which names the file. */
  static String failure(Path file) {
    BadInputException e = assertThrows(BadInputException.class, () -> OnnxImporter.load(file));
    String m = e.getMessage();
    assertEquals(1, m.lines().count(), m);
    assertTrue(m.startsWith(file.toString()), m);
    return m;
  }

  @Test
  void reduceMeanOverOneSpatialAxisIsRefusedNamingTheAxes() {
    Path f = write("both", b -> {
      String rows = b.op("ReduceMean", "rows", List.of("x"), ints("axes", 3), attr("keepdims", 1L));
      String cols = b.op("ReduceMean", "cols", List.of("x"), ints("axes", 2), attr("keepdims", 1L));
      return b.mul("m", rows, cols);
    });
    String m = failure(f);
    assertTrue(m.contains("node 'rows' (ReduceMean)") && m.contains("'axes'=[3]"), m);
  }

  @Test
  void mulOfTwoActivationsThatDoNotBroadcast() {
    Path f = write("mismatch", b -> b.mul("m", b.op("Sigmoid", "s", List.of("x")),
        b.op("ReduceMean", "r", List.of("x"), ints("axes", 2, 3), attr("keepdims", 0L))));
    String m = failure(f);
    assertTrue(m.contains("node 'm' (Mul): shape mismatch: operands [N, 4, 3, 5] and [N, 4] do not broadcast"), m);
  }

  @Test
  void subAndDivOfTwoActivationsBroadcastOnlyTheirSecondOperand() {
    Path f = write("sub", b -> b.op("Sub", "d", List.of("x", b.op("Tanh", "t", List.of("x")))));
    assertEquals("Sub", OnnxImporter.load(f).layers().get(1).kind());
    Path g = write("div", b -> b.op("Div", "d", List.of(b.op("ReduceMean", "r", List.of("x"), ints("axes", 2, 3),
        attr("keepdims", 1L)), "x")));
    assertTrue(failure(g).contains("node 'd' (Div): the first operand [N, 4, 1, 1] broadcasts to the second"
        + " [N, 4, 3, 5] (supported for Add and Mul; for Sub and Div only the second operand may broadcast)"));
  }

  @Test
  void unknownAttributesAreNamed() {
    Path f = write("attr", b -> b.op("LeakyRelu", "l", List.of("x"), attr("gamma", 0.5f)));
    assertTrue(failure(f).contains("node 'l' (LeakyRelu): unsupported attribute 'gamma'"));
    Path g = write("noop", b -> b.op("ReduceMean", "r", List.of("x"), ints("axes", 2, 3), attr("keepdims", 2L)));
    assertTrue(failure(g).contains("node 'r' (ReduceMean): unsupported attribute 'keepdims'=2"));
  }

  @Test
  void shapeArithmeticOnTheDynamicBatchIsRefused() {
    Path f = write("batch", b -> {
      String shape = b.op("Shape", "s", List.of("x"));
      String n = b.op("Gather", "n", List.of(shape, b.longConstant("zero", new long[] {0}, 1)), attr("axis", 0L));
      String twice = b.op("Mul", "twice", List.of(n, b.longConstant("two", new long[] {2})));
      String target = b.op("Concat", "t", List.of(twice, b.longConstant("rest", new long[] {-1}, 1)), attr("axis", 0L));
      return b.op("Reshape", "r", List.of("x", target));
    });
    assertTrue(failure(f).contains("node 'twice' (Mul): computes with the batch size"));
    // the same target without the arithmetic keeps the batch first: [N, 4 * 3 * 5]
    Model ok = OnnxImporter.load(write("batchok", b -> {
      String shape = b.op("Shape", "s", List.of("x"));
      String n = b.op("Gather", "n", List.of(shape, b.longConstant("zero", new long[] {0}, 1)), attr("axis", 0L));
      String target = b.op("Concat", "t", List.of(n, b.longConstant("rest", new long[] {-1}, 1)), attr("axis", 0L));
      return b.op("Reshape", "r", List.of("x", target));
    }));
    assertEquals(Shape.of(60), ok.output().shape());
  }

  @Test
  void opset18ReduceMeanTakesItsAxesAsAnInput() throws Exception {
    OnnxGraphBuilder b = OnnxGraphBuilder.create("r18");
    b.input("x", 4, 3, 5);
    b.output(b.op("ReduceMean", "r", List.of("x", b.longConstant("axes", new long[] {2, 3}, 2)),
        attr("keepdims", 1L)));
    ModelProto m = b.build();
    ModelProto at18 = m.toBuilder().clearOpsetImport()
        .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(18)).build();
    Path file = dir.resolve("r18.onnx");
    org.axdse.multipliers.util.AtomicFiles.write(file, at18.toByteArray());
    assertEquals(Shape.of(4, 1, 1), OnnxImporter.load(file).output().shape());
    Path attr = dir.resolve("r18attr.onnx");
    OnnxGraphBuilder c = OnnxGraphBuilder.create("r18attr");
    c.input("x", 4, 3, 5);
    c.output(c.op("ReduceMean", "r", List.of("x"), ints("axes", 2, 3)));
    ModelProto n = c.build();
    org.axdse.multipliers.util.AtomicFiles.write(attr, n.toBuilder().clearOpsetImport()
        .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(18)).build().toByteArray());
    assertTrue(failure(attr).contains("node 'r' (ReduceMean): unsupported attribute 'axes'"));
  }

  @Test
  void ceilModeGivesThePartialLastWindowsOfMaxAndAveragePools() {
    // 3 x 5 input, kernel 2, stride 2: floor gives 1 x 2, ceiling 2 x 3 (the last windows are partial)
    for (String op : List.of("MaxPool", "AveragePool")) {
      Model m = OnnxImporter.load(write(op, b -> b.op(op, "p", List.of("x"), ints("kernel_shape", 2, 2),
          ints("strides", 2, 2), attr("ceil_mode", 1L))));
      assertEquals(Shape.of(4, 2, 3), m.output().shape(), op);
    }
  }

  @Test
  void chainedConstantArithmeticIsOneAffineLayer() {
    // GELU's tail and an exported affine layer: (sigmoid(x) / 2 - 0.25) * c with c per channel, one layer
    Model m = OnnxImporter.load(write("chain", b -> {
      String s = b.op("Sigmoid", "s", List.of("x"));
      String half = b.op("Div", "half", List.of(s, b.constant("two", new float[] {2f}, 1)));
      String less = b.op("Sub", "less", List.of(half, b.constant("quarter", new float[] {0.25f}, 1)));
      return b.mul("scaled", less, b.constant("c", new float[] {1f, -2f, 3f, 0.5f}, 4, 1, 1));
    }));
    assertEquals(List.of("Sigmoid", "Affine"), m.layers().stream().map(l -> l.kind()).toList());
    float[] x = {0.3f, -1.2f, 2f, 0f, 0.7f};
    float[] in = new float[4 * 3 * 5];
    for (int i = 0; i < in.length; i++) {
      in[i] = x[i % x.length];
    }
    float[] y = org.axdse.simulator.model.FloatExecutor.of(m).run(in, 1);
    float[] c = {1f, -2f, 3f, 0.5f};
    for (int i = 0; i < in.length; i++) {
      double expected = (1 / (1 + Math.exp(-in[i])) / 2 - 0.25) * c[i / 15];
      assertEquals(expected, y[i], 1e-6, "element " + i);
    }
  }

  @Test
  void spatialReduceMeanIsAGlobalAveragePoolWithOrWithoutKeepdims() {
    Model keep = OnnxImporter.load(write("keep", b -> b.op("ReduceMean", "r", List.of("x"), ints("axes", -1, -2),
        attr("keepdims", 1L))));
    assertTrue(keep.layers().get(0) instanceof PoolLayer p && p.isGlobal());
    assertEquals(Shape.of(4, 1, 1), keep.output().shape());
    Model flat = OnnxImporter.load(write("flat", b -> b.op("ReduceMean", "r", List.of("x"), ints("axes", 2, 3),
        attr("keepdims", 0L))));
    assertEquals(Shape.of(4), flat.output().shape());
  }
}
