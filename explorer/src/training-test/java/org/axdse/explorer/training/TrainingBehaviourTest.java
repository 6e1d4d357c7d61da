package org.axdse.explorer.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.axdse.simulator.data.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training steps lower the loss, the seed fixes everything, and saved parameters reload to the same logits. */
class TrainingBehaviourTest {

  /**
   * With the batch size equal to the data size, every epoch is one step on the same fixed batch, so the reported
   * epoch losses are that batch's loss before each step: they must fall.
   */
  @Test
  void stepsOnAFixedBatchReduceItsLoss() {
    Dataset batch = Synthetic.images(32, 1);
    List<Double> losses = new ArrayList<>();
    try (ModelSession s = ModelSession.fresh(Architecture.LENET5, 1)) {
      s.train(batch, Schedule.of(4, 32, 0.01f, 1), stats -> losses.add(stats.meanLoss()));
    }
    assertEquals(4, losses.size());
    assertTrue(losses.get(1) < losses.get(0), "one step did not reduce the loss: " + losses);
    assertTrue(losses.get(3) < losses.get(0), "four steps did not reduce the loss: " + losses);
  }

  @Test
  void theSeedFixesWeightsAndShuffling() {
    Dataset data = Synthetic.images(96, 2);
    float[] probe = Synthetic.inputs(Architecture.LENET5, Synthetic.images(4, 3));
    float[][] a = trainedLogits(data, probe, 5);
    float[][] b = trainedLogits(data, probe, 5);
    float[][] c = trainedLogits(data, probe, 6);
    for (int i = 0; i < a.length; i++) {
      assertArrayEquals(a[i], b[i], 0f, "same seed, different logits");
    }
    assertFalse(Arrays.deepEquals(a, c), "a different seed gave the same network");
  }

  private static float[][] trainedLogits(Dataset data, float[] probe, int seed) {
    try (ModelSession s = ModelSession.fresh(Architecture.LENET5, seed)) {
      s.train(data, Schedule.of(1, 32, 0.01f, seed), stats -> { });
      return s.logits(probe, 4);
    }
  }

  @Test
  void savedParametersReloadToTheSameLogits(@TempDir Path dir) {
    float[] probe = Synthetic.inputs(Architecture.RESNET8, Synthetic.images(4, 4));
    Path params = dir.resolve("m.params");
    float[][] before;
    try (ModelSession s = ModelSession.fresh(Architecture.RESNET8, 9)) {
      s.train(Synthetic.images(32, 5), new Schedule(1, 16, 0.01f, 9, true), stats -> { });
      before = s.logits(probe, 4);
      s.saveParameters(params);
    }
    try (ModelSession s = ModelSession.load(Architecture.RESNET8, params)) {
      float[][] after = s.logits(probe, 4);
      for (int i = 0; i < before.length; i++) {
        assertArrayEquals(before[i], after[i], 0f);
      }
    }
  }

  /** Each architecture's MACs, derived by hand from its layer list. */
  @Test
  void macCountsMatchHandDerivations() {
    // LeNet-5: conv 28*28*6*25 + conv 10*10*16*6*25 + fc 400*120 + 120*84 + 84*10
    long lenet = 28L * 28 * 6 * 25 + 10L * 10 * 16 * 6 * 25 + 400 * 120 + 120 * 84 + 84 * 10;
    assertEquals(lenet, Architecture.LENET5.network().macs());
    // LSTM: 28 steps * 4 gates * 128 units * (28 inputs + 128 recurrent) + fc 128*10
    assertEquals(28L * 4 * 128 * (28 + 128) + 128 * 10, Architecture.LSTM.network().macs());
  }
}
