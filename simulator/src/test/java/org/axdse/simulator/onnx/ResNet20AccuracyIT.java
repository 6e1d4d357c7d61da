package org.axdse.simulator.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.axdse.simulator.model.FloatExecutor;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.TestData;
import org.junit.jupiter.api.Test;

/** Float accuracy of the shared ResNet-20 on all 10,000 CIFAR-10 test records. */
class ResNet20AccuracyIT {
  @Test
  void floatAccuracyIsTheMeasuredPytorchAccuracy() {
    Model model = OnnxImporter.load(TestData.resnet20());
    FloatExecutor ex = FloatExecutor.of(model);
    byte[] batch = TestData.testBatch();
    int records = batch.length / TestData.RECORD;
    assertEquals(10_000, records);
    int chunk = 250;
    int correct = 0;
    long start = System.nanoTime();
    for (int from = 0; from < records; from += chunk) {
      float[] logits = ex.run(TestData.images(batch, from, chunk), chunk);
      for (int n = 0; n < chunk; n++) {
        int best = 0;
        for (int c = 1; c < 10; c++) {
          if (logits[n * 10 + c] > logits[n * 10 + best]) {
            best = c;
          }
        }
        correct += best == TestData.label(batch, from + n) ? 1 : 0;
      }
    }
    System.out.printf("ResNet-20 float: %d / %d correct in %.1f s%n", correct, records,
        (System.nanoTime() - start) / 1e9);
    // shared/cifar10/README.md: 81.03% (8,103 of 10,000), measured with PyTorch
    assertEquals(8_103, correct);
  }
}
