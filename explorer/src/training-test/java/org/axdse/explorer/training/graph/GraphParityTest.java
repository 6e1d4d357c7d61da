package org.axdse.explorer.training.graph;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.nio.file.Files;
import java.nio.file.Path;
import org.axdse.explorer.training.Inputs;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.data.DatasetSpec;
import org.axdse.simulator.data.Split;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.Preprocessing;
import org.axdse.simulator.onnx.OnnxImporter;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bundled models and the shared CIFAR-10 ResNet-20 build as {@link GraphNet}s whose float forward equals the
 * simulator's float executor within {@link FloatParity#LIMIT} on the logits, on 16 test images.
 */
class GraphParityTest {

  @ParameterizedTest
  @ValueSource(strings = {"lenet5", "resnet8", "mobilenet", "lstm"})
  void bundledModelsMatchTheirFloatExecutor(String name) {
    Path model = GraphFixtures.repo("models/" + name + ".onnx");
    Dataset data = DatasetSpec.parse("fashion-mnist:" + GraphFixtures.repo("data/fashion-mnist-test-2000"))
        .load(Split.TEST).limit(16);
    check(OnnxImporter.load(model), Preprocessing.requiredFor(model), data);
  }

  @org.junit.jupiter.api.Test
  void sharedResNet20MatchesItsFloatExecutor() {
    Path dir = GraphFixtures.repo("axdse").getParent().resolve("../shared/cifar10").normalize();
    Assumptions.assumeTrue(Files.isRegularFile(dir.resolve("resnet20.onnx")), "no shared ResNet-20");
    Dataset data = DatasetSpec.parse("cifar10:" + dir).load(Split.TEST).limit(16);
    Preprocessing pre = new Preprocessing(Preprocessing.Layout.NCHW, new int[] {3, 32, 32}, 1 / 255.0,
        new double[] {0.485, 0.456, 0.406}, new double[] {0.229, 0.224, 0.225}, 10, java.util.List.of());
    check(OnnxImporter.load(dir.resolve("resnet20.onnx")), pre, data);
  }

  private static void check(Model model, Preprocessing pre, Dataset data) {
    float[] x = Inputs.all(pre, data);
    try (NDManager m = NDManager.newBaseManager(); GraphNet net = GraphNet.build(model, m, DataType.FLOAT32)) {
      double diff = FloatParity.maxAbsDiff(net, x, data.size());
      assertTrue(diff <= FloatParity.LIMIT, model.name() + ": max |graph - float executor| = " + diff);
    }
  }
}
