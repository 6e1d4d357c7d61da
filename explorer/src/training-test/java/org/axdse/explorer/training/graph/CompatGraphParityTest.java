package org.axdse.explorer.training.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.nio.file.Path;
import org.axdse.multipliers.io.Npy;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.UnaryLayer;
import org.axdse.simulator.onnx.OnnxImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The edge-CNN models exported by PyTorch ({@code scripts/make-compat-models.py}: hardswish, SE blocks, SiLU,
 * channel shuffle, LeakyRelu/PRelu/Tanh) build as {@link GraphNet}s whose float forward equals the simulator's float
 * executor within {@link FloatParity#LIMIT} on the stored input.
 */
class CompatGraphParityTest {
  @Test
  void preluSlopesAreTrainableAndReturnToTheModel() {
    Model model = OnnxImporter.load(GraphFixtures.repo("simulator/src/test/resources/compat/acts_op13.onnx"));
    UnaryLayer prelu = model.layers().stream().filter(l -> l instanceof UnaryLayer u && u.alpha().length > 1)
        .map(l -> (UnaryLayer) l).findFirst().orElseThrow();
    try (NDManager m = NDManager.newBaseManager(); GraphNet net = GraphNet.build(model, m, DataType.FLOAT32)) {
      NDArray slopes = net.parameters().get(prelu.name() + "/alpha");
      assertArrayEquals(prelu.alpha(), slopes.toFloatArray());
      float[] changed = prelu.alpha().clone();
      for (int i = 0; i < changed.length; i++) {
        changed[i] += 0.25f * (i + 1);
      }
      slopes.set(changed);
      UnaryLayer back = (UnaryLayer) net.toModel().layers().get(model.layers().indexOf(prelu));
      assertArrayEquals(changed, back.alpha());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"mbv3_op13", "mbv3_op14", "mbv2_op11", "effnet_op13", "shufflenet_op13", "acts_op11",
      "squeezenet_op13", "mish_op13", "upsample_op13", "upsize_op13", "arith_op13", "gelu_op13", "avgceil_op13"})
  void compatModelsMatchTheirFloatExecutor(String name) {
    Path dir = GraphFixtures.repo("simulator/src/test/resources/compat");
    Model model = OnnxImporter.load(dir.resolve(name + ".onnx"));
    float[] x = Npy.read(dir.resolve("input.npy"), 1 << 20).toFloatArray();
    int batch = x.length / model.input().shape().size();
    try (NDManager m = NDManager.newBaseManager(); GraphNet net = GraphNet.build(model, m, DataType.FLOAT32)) {
      double diff = FloatParity.maxAbsDiff(net, x, batch);
      assertTrue(diff <= FloatParity.LIMIT, name + ": max |graph - float executor| = " + diff);
    }
  }
}
