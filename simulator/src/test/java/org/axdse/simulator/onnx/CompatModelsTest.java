package org.axdse.simulator.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.axdse.multipliers.io.Npy;
import org.axdse.simulator.model.ApproximableLayer;
import org.axdse.simulator.model.BroadcastLayer;
import org.axdse.simulator.model.ConvLayer;
import org.axdse.simulator.model.DenseLayer;
import org.axdse.simulator.model.FloatExecutor;
import org.axdse.simulator.model.Layer;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.UnaryLayer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The edge-CNN models of {@code scripts/make-compat-models.py} (exported by PyTorch 1.13 at opsets 11, 13 and 14):
 * the float executor gives PyTorch's outputs, ONNX Runtime's on the same file, and ONNX Runtime's on the model
 * exported again by {@link OnnxExporter}. Except on the same file for {@code avgceil}: before opset 19, ONNX Runtime
 * divides an AveragePool's ceiling windows by the whole kernel, not by their in-bounds part as PyTorch does
 * (microsoft/onnxruntime#16203, fixed for opset 19 only by #16752); the re-export writes the ceiling as explicit
 * padding, where both agree, and {@link AveragePoolCeilTest} compares with ONNX Runtime at opset 19.
 *
 * <p>Tolerance, derived from float32: a dot product of length {@code K} computed in float32 is within
 * {@code K u} (relative to the sum of the magnitudes of its terms) of the exact one, {@code u = 2^-24}
 * (Higham, Accuracy and Stability of Numerical Algorithms, 2nd ed., section 3.1); a chain of {@code L} layers adds
 * at most {@code L} such errors. The bound is {@code L * K * 2^-24}, with {@code L} the model's layer count and
 * {@code K} its longest reduction (both computed from the model), on {@code |ours - ref| / max(1, |ref|)}.
 */
class CompatModelsTest {
  static final Path DIR = Path.of("src/test/resources/compat");
  @TempDir Path tmp;

  static Stream<String> models() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".onnx")).sorted()
          .map(n -> n.substring(0, n.length() - ".onnx".length())).toList().stream();
    }
  }

  static float[] input() {
    return Npy.read(DIR.resolve("input.npy"), 1 << 20).toFloatArray();
  }

  static double tolerance(Model m) {
    long k = 1;
    for (ApproximableLayer l : m.approximableLayers()) {
      k = Math.max(k, switch (l) {
        case ConvLayer c -> (long) c.inC() / c.groups() * c.window().kH() * c.window().kW();
        case DenseLayer d -> d.inFeatures();
        default -> l.input().shape().size();
      });
    }
    return m.layers().size() * k * 0x1p-24;
  }

  @ParameterizedTest
  @MethodSource("models")
  void floatExecutorEqualsPyTorchAndOnnxRuntime(String name) {
    Path file = DIR.resolve(name + ".onnx");
    Model m = OnnxImporter.load(file);
    float[] x = input();
    int batch = x.length / m.input().shape().size();
    float[] ours = FloatExecutor.of(m).run(x, batch);
    float[] torch = Npy.read(DIR.resolve(name + ".out.npy"), 1 << 20).toFloatArray();
    double tol = tolerance(m);
    double vsTorch = OrtOracle.worstRelative(ours, torch);
    assertTrue(vsTorch <= tol, name + ": worst relative difference to PyTorch " + vsTorch + " > " + tol);
    long[] shape = {batch, 3, 16, 16};
    if (!name.startsWith("avgceil")) {
      double vsOrt = OrtOracle.worstRelative(ours, OrtOracle.run(file, "x", x, shape));
      assertTrue(vsOrt <= tol, name + ": to ONNX Runtime " + vsOrt + " > " + tol);
    }
    Path exported = tmp.resolve(name + ".exported.onnx");
    OnnxExporter.write(m, exported);
    double again = OrtOracle.worstRelative(ours, OrtOracle.run(exported, "x", x, shape));
    assertTrue(again <= tol, name + " exported: to ONNX Runtime " + again + " > " + tol);
    Model back = OnnxImporter.load(exported);
    assertEquals(m.approximableLayers().stream().map(Layer::name).toList(),
        back.approximableLayers().stream().map(Layer::name).toList(), name + ": approximable layers after export");
  }

  @ParameterizedTest
  @MethodSource("models")
  void theNewOperatorsBecomeTheNewLayers(String name) {
    Model m = OnnxImporter.load(DIR.resolve(name + ".onnx"));
    Set<String> k = kinds(m);
    String family = name.substring(0, name.indexOf('_'));
    List<String> expected = switch (family) {
      case "mbv3" -> name.endsWith("op14") ? List.of("HardSwish", "HardSigmoid", "Sigmoid", "Mul")
          : List.of("HardSigmoid", "Sigmoid", "Mul");
      case "effnet" -> List.of("Sigmoid", "Mul");
      case "acts" -> List.of("LeakyRelu", "Tanh");
      case "shufflenet" -> List.of("Reshape", "Transpose", "Concat");
      case "squeezenet" -> List.of("MaxPool", "Concat");
      case "mish" -> List.of("Softplus", "Tanh", "Mul", "Elu", "Selu");
      case "upsample" -> List.of("Resize", "Concat");
      case "upsize" -> List.of("Resize");
      case "arith" -> List.of("Sub", "Div");
      case "gelu" -> List.of("Erf", "Mul");
      case "avgceil" -> List.of("AveragePool", "Pad");
      default -> List.of();
    };
    assertTrue(k.containsAll(expected), name + ": kinds " + k + " lack some of " + expected);
    if (family.equals("acts")) {
      assertTrue(m.layers().stream().anyMatch(l -> l instanceof UnaryLayer u && u.alpha().length == 8),
          "PRelu keeps its 8 per-channel slopes");
      assertTrue(m.layers().stream().anyMatch(l -> l instanceof BroadcastLayer b
          && !b.input().shape().equals(b.inputs().get(1).shape())), "the broadcast Add of the spatial mean");
    }
  }

  static Set<String> kinds(Model m) {
    Set<String> s = new TreeSet<>();
    for (Layer l : m.layers()) {
      s.add(l.kind());
    }
    return s;
  }
}
