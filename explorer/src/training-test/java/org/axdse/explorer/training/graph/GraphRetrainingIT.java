package org.axdse.explorer.training.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.multipliers.util.ProgressListener;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.compensation.RetrainRequest;
import org.axdse.simulator.compensation.RetrainSettings;
import org.axdse.simulator.data.DatasetSpec;
import org.axdse.simulator.onnx.OnnxImporter;
import org.axdse.simulator.quant.QuantConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link GraphRetrainer} end to end on the bundled LeNet-5 (its ONNX file alone) with a strongly approximate
 * multiplier, 16 training images, 2 epochs of 2 steps with augmentation and a cosine schedule: an interrupted
 * retraining resumed from its checkpoint ends with the bytes of an uninterrupted one (so the same seed gives the
 * same model), another seed gives another model, and the layer names stay.
 */
class GraphRetrainingIT {
  static final String MULTIPLIER = GraphRetrainingTest.MULTIPLIER;

  /** A retraining of the bundled LeNet-5 on 16 images, 2 epochs of 2 steps, into {@code dir/name.onnx}. */
  static RetrainRequest request(Path dir, String name, long seed, boolean resume, ProgressListener progress)
      throws Exception {
    Path model = dir.resolve("lenet5.onnx");
    if (!Files.exists(model)) {
      Files.copy(GraphFixtures.repo("models/lenet5.onnx"), model);
      Files.copy(GraphFixtures.repo("models/lenet5.preprocess.json"), dir.resolve("lenet5.preprocess.json"));
      org.axdse.explorer.training.IdxWriter.write(dir, "train", GraphRetrainingTest.images(0, 16));
      org.axdse.explorer.training.IdxWriter.write(dir, "t10k", GraphRetrainingTest.images(16, 8));
    }
    Assignment a = Assignment.uniform(OnnxImporter.load(model).approximableLayers().stream().map(l -> l.name())
        .toList(), MULTIPLIER);
    QuantConfig q = QuantConfig.defaults(org.axdse.simulator.quant.QuantMode.SYMMETRIC);
    q = new QuantConfig(q.mode(), q.perChannel(), q.weightBits(), 16, q.calibrationSeed(), q.activationMethod(),
        q.percentile());
    RetrainSettings s = new RetrainSettings(RetrainSettings.Schedule.COSINE, 1e-3,
        RetrainSettings.Augmentation.CROP_FLIP, null, resume, progress);
    return new RetrainRequest(model, a, DatasetSpec.parse("fashion-mnist:" + dir), q, MultiplierCatalog.builtin(), 2,
        1e-3, 8, seed, 1, dir.resolve(name + ".onnx"), new PrintWriter(new StringWriter()), s);
  }

  /** Progress that throws once more than {@code steps} steps are done: a kill during the retraining. */
  static ProgressListener killedAfter(long steps) {
    return (label, total, unit) -> new ProgressListener.Task() {
      long done;

      @Override
      public void advance(long units) {
        done += units;
        if (done > steps) {
          throw new IllegalStateException("killed");
        }
      }

      @Override
      public void close() {}
    };
  }

  @Test
  void interruptedRetrainingResumesToTheSameWeights(@TempDir Path dir) throws Exception {
    Path whole = new GraphRetrainer().retrain(request(dir, "whole", 5, false, ProgressListener.NONE));
    Path again = new GraphRetrainer().retrain(request(dir, "again", 5, false, ProgressListener.NONE));
    assertArrayEquals(Files.readAllBytes(whole), Files.readAllBytes(again), "the same seed gives the same model");
    // a kill during the second epoch: the first epoch's checkpoint is on disk, the model is not
    ProgressListener killAfterThreeSteps = killedAfter(3);
    assertThrows(IllegalStateException.class,
        () -> new GraphRetrainer().retrain(request(dir, "resumed", 5, false, killAfterThreeSteps)));
    assertFalse(Files.exists(dir.resolve("resumed.onnx")));
    assertTrue(Files.exists(dir.resolve("resumed.retrain/checkpoint.bin")));
    Path resumed = new GraphRetrainer().retrain(request(dir, "resumed", 5, true, ProgressListener.NONE));
    assertArrayEquals(Files.readAllBytes(whole), Files.readAllBytes(resumed));
    assertFalse(Files.exists(dir.resolve("resumed.retrain/checkpoint.bin")));
  }

  @Test
  void anotherSeedGivesAnotherModelWithTheSameLayerNames(@TempDir Path dir) throws Exception {
    byte[] a = Files.readAllBytes(new GraphRetrainer().retrain(request(dir, "a", 3, false, ProgressListener.NONE)));
    byte[] c = Files.readAllBytes(new GraphRetrainer().retrain(request(dir, "c", 4, false, ProgressListener.NONE)));
    assertFalse(java.util.Arrays.equals(a, c), "another seed gives another model");
    assertFalse(java.util.Arrays.equals(a, Files.readAllBytes(dir.resolve("lenet5.onnx"))), "weights changed");
    assertEquals(OnnxImporter.load(dir.resolve("lenet5.onnx")).approximableLayers().stream().map(l -> l.name())
        .toList(), OnnxImporter.load(dir.resolve("a.onnx")).approximableLayers().stream().map(l -> l.name()).toList());
    assertTrue(Files.exists(dir.resolve("a.preprocess.json")));
  }
}
