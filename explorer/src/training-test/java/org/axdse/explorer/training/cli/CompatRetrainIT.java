package org.axdse.explorer.training.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.axdse.explorer.training.cli.CompensateRetrainTest.Run;
import org.axdse.multipliers.io.Npy;
import org.axdse.simulator.model.Layer;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.onnx.OnnxImporter;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code axdse compensate --method retrain} on edge-CNN models exported by PyTorch: the EfficientNet-style one (SiLU
 * as {@code x * Sigmoid(x)}, a squeeze-and-excitation block with ReduceMean and a broadcast Mul), the upsampling head
 * (nearest Resize), GELU (Erf), Sub and Div of two activations, and AveragePool with {@code ceil_mode}. For each, the
 * retraining graph passes the command's own float parity check, one epoch runs, and the written ONNX re-imports with
 * the same approximable layers and the new layer kinds.
 */
class CompatRetrainIT {
  static Stream<Arguments> models() {
    return Stream.of(Arguments.of("effnet_op13", List.of("Sigmoid", "Mul")),
        Arguments.of("upsample_op13", List.of("Resize", "Concat")), Arguments.of("gelu_op13", List.of("Erf", "Mul")),
        Arguments.of("arith_op13", List.of("Sub", "Div")), Arguments.of("avgceil_op13", List.of("AveragePool")));
  }

  @ParameterizedTest
  @MethodSource("models")
  void retrainsAnEdgeCnnWithTheNewOperators(String name, List<String> newKinds, @TempDir Path dir) throws Exception {
    Path compat = CompensateRetrainTest.root().resolve("simulator/src/test/resources/compat");
    Path model = dir.resolve("effnet.onnx");
    Files.copy(compat.resolve(name + ".onnx"), model);
    Files.writeString(dir.resolve("effnet.preprocess.json"), """
        { "layout" : "NCHW", "inputShape" : [ 3, 16, 16 ], "scale" : 0.00392156862745098,
          "mean" : [ 0.5, 0.5, 0.5 ], "std" : [ 0.25, 0.25, 0.25 ], "numClasses" : 10 }
        """);
    int n = 160;
    Random r = new Random(3);
    long[] px = new long[n * 3 * 16 * 16];
    for (int i = 0; i < px.length; i++) {
      px[i] = r.nextInt(256);
    }
    long[] labels = new long[n];
    for (int i = 0; i < n; i++) {
      labels[i] = r.nextInt(10);
    }
    Npy.ofLongs(Npy.DType.U1, new long[] {n, 3, 16, 16}, px).write(dir.resolve("x.npy"));
    Npy.ofLongs(Npy.DType.I8, new long[] {n}, labels).write(dir.resolve("y.npy"));
    String data = "npy:" + dir.resolve("x.npy") + "," + dir.resolve("y.npy");
    Path out = dir.resolve("effnet-rt.onnx");
    Run run = CompensateRetrainTest.run("compensate", "--model", model.toString(), "--data", data, "--train-data",
        data, "--uniform", "s8x8_trunc6", "--method", "retrain", "--out", out.toString(), "--epochs", "1",
        "--batch-size", "32", "--calib", "64", "--limit", "64", "--threads", "2", "-q");
    assertEquals(0, run.code(), run.err());
    assertTrue((run.out() + run.err()).contains("matches the float executor"), run.out() + run.err());
    Model before = OnnxImporter.load(model);
    Model after = OnnxImporter.load(out);
    assertEquals(names(before), names(after), "the approximable layers keep their names");
    List<String> kinds = after.layers().stream().map(Layer::kind).distinct().toList();
    assertTrue(kinds.containsAll(newKinds), name + ": kinds after export: " + kinds);
  }

  private static List<String> names(Model m) {
    return m.approximableLayers().stream().map(Layer::name).toList();
  }
}
