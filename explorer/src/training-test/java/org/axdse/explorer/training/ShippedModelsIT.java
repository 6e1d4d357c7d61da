package org.axdse.explorer.training;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.Map;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.data.DatasetSpec;
import org.axdse.simulator.data.Split;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each shipped ONNX model, run by ONNX Runtime on the full 10,000-image Fashion-MNIST test set (the Debian
 * package), reaches its float accuracy target.
 */
class ShippedModelsIT {
  private static final Map<Architecture, Double> TARGET = Map.of(
      Architecture.LENET5, 0.90, Architecture.RESNET8, 0.92, Architecture.MOBILENET, 0.91,
      Architecture.LSTM, 0.87);

  @ParameterizedTest
  @EnumSource(Architecture.class)
  void reachesItsAccuracyTarget(Architecture arch) throws Exception {
    Dataset test = DatasetSpec.parse("fashion-mnist").load(Split.TEST);
    int[] labels = test.labels();
    int correct = 0;
    try (OnnxRuntimeRunner ort = new OnnxRuntimeRunner(Files.readAllBytes(ShippedModelsTest.model(arch)))) {
      int batch = 500;
      for (int from = 0; from < test.size(); from += batch) {
        float[] x = new float[batch * 784];
        Preprocessing.FASHION_MNIST.apply(test, null, from, batch, x);
        float[][] logits = ort.logits(x, batch);
        for (int i = 0; i < batch; i++) {
          if (ModelSession.argmax(logits[i]) == labels[from + i]) {
            correct++;
          }
        }
      }
    }
    double accuracy = correct / (double) test.size();
    assertTrue(accuracy >= TARGET.get(arch), arch + ": accuracy " + accuracy + " < " + TARGET.get(arch));
  }
}
