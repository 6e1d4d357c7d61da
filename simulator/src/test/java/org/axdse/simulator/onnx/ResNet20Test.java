package org.axdse.simulator.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.axdse.simulator.model.ApproximableLayer;
import org.axdse.simulator.model.ConvLayer;
import org.axdse.simulator.model.DenseLayer;
import org.axdse.simulator.model.FloatExecutor;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.Shape;
import org.axdse.simulator.model.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shared pretrained ResNet-20: structure as documented in shared/cifar10/README.md, and PyTorch's logits. */
class ResNet20Test {
  static Model model;

  @BeforeAll
  static void load() {
    model = OnnxImporter.load(TestData.resnet20());
  }

  @Test
  void structureMatchesTheDocumentedNetwork() {
    assertEquals(Shape.of(3, 32, 32), model.input().shape());
    assertEquals(Shape.of(10), model.output().shape());
    List<ApproximableLayer> approx = model.approximableLayers();
    // ResNet-20: one stem conv, 3 stages x 3 blocks x 2 convs = 18, one Gemm classifier.
    assertEquals(20, approx.size());
    assertEquals(19, approx.stream().filter(l -> l instanceof ConvLayer).count());
    assertTrue(approx.get(19) instanceof DenseLayer);
    // The README of the shared model states 40,551,040 MACs per image.
    assertEquals(40_551_040L, model.macsPerSample());
  }

  @Test
  void floatPathMatchesPytorchReferenceLogits() {
    int count = 500;
    byte[] batch = TestData.testBatch();
    float[] ref = TestData.readNpyFloat32(TestData.cifarDir().resolve("resnet20.reference_logits.npy"));
    assertEquals(10_000 * 10, ref.length);
    FloatExecutor ex = FloatExecutor.of(model);
    double worst = 0;
    for (int from = 0; from < count; from += 100) {
      float[] out = ex.run(TestData.images(batch, from, 100), 100);
      for (int i = 0; i < out.length; i++) {
        float r = ref[from * 10 + i];
        worst = Math.max(worst, Math.abs(out[i] - r) / Math.max(1.0, Math.abs(r)));
      }
    }
    assertTrue(worst < 1e-4, "worst relative logit difference " + worst);
  }
}
