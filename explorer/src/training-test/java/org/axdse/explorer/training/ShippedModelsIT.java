package org.axdse.explorer.training;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.data.DatasetSpec;
import org.axdse.simulator.data.Split;
import org.axdse.simulator.model.Preprocessing;
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
    Path model = ShippedModelsTest.model(arch);
    Preprocessing prep = Preprocessing.forModel(model).orElseThrow();
    long[] sample = java.util.Arrays.stream(prep.inputShape()).asLongStream().toArray();
    int[] labels = test.labels();
    int batch = 500;
    float[] x = new float[batch * test.imageBytes()];
    int correct = 0;
    try (OnnxRuntimeRunner ort = new OnnxRuntimeRunner(Files.readAllBytes(model))) {
      for (int from = 0; from < test.size(); from += batch) {
        Inputs.batch(prep, test, null, from, batch, x);
        float[][] logits = ort.logits(x, batch, sample);
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
