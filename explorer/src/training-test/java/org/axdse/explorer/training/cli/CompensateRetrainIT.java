package org.axdse.explorer.training.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.axdse.explorer.training.cli.CompensateRetrainTest.Run;
import org.axdse.simulator.onnx.OnnxImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code axdse compensate --method retrain} end to end on a copy of the shipped LeNet-5 and a tiny IDX set cut
 * from the bundled test images (256 training, 100 test images).
 */
class CompensateRetrainIT {
  @Test
  void retrainsWritesModelAndReportsBeforeAndAfter(@TempDir Path dir) throws Exception {
    Path model = CompensateRetrainTest.copyLenet(dir, false);
    CompensateRetrainTest.tinyData(dir);
    Path out = dir.resolve("out/lenet5-rt.onnx");
    Run r = CompensateRetrainTest.run("compensate", "--model", model.toString(), "--data", "fashion-mnist:" + dir,
        "--uniform", "s8x8_bam_h2v5", "--method", "retrain", "--epochs", "1", "--batch-size", "64", "--calib", "50",
        "--threads", "1", "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    for (String f : new String[] {"lenet5-rt.onnx", "lenet5-rt.preprocess.json"}) {
      assertTrue(Files.size(dir.resolve("out").resolve(f)) > 0, f);
    }
    assertEquals(OnnxImporter.load(model).approximableLayers().stream().map(l -> l.name()).toList(),
        OnnxImporter.load(out).approximableLayers().stream().map(l -> l.name()).toList());
    assertTrue(r.out().contains("method       retrain (1 epoch"), r.out());
    assertTrue(r.out().contains("compensated"), r.out());
    assertTrue(r.out().contains("images       100 (test)"), r.out());
    // four steps of 64 images, one progress line
    assertTrue(r.err().contains("retrain epoch 1/1"), r.err());
    assertTrue(r.err().contains("matches the float executor"), r.err());
    // the checkpoint of the finished run is removed (the lock file of its directory stays)
    assertTrue(Files.notExists(dir.resolve("out/lenet5-rt.retrain/checkpoint.bin")));
  }
}
