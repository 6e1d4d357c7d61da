package org.axdse.explorer.training.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.axdse.explorer.training.cli.CompensateRetrainTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compensate --method retrain} with a float design (issue 14) is one line naming the layer and the design,
 * exit code 2, before the first evaluation, nothing written: retraining substitutes integer product tables.
 */
class FloatRetrainRefusalTest {
  @Test
  void aFloatDesignIsRefusedNamingTheLayer(@TempDir Path dir) throws Exception {
    CompensateRetrainTest.tinyData(dir);
    Path model = CompensateRetrainTest.copyLenet(dir, false);
    Run r = CompensateRetrainTest.run("compensate", "--model", model.toString(), "--data", "fashion-mnist:" + dir,
        "--uniform", "e4m3_trunc3", "--calib", "50", "--threads", "1", "--method", "retrain", "--out",
        dir.resolve("m2.onnx").toString());
    assertEquals(2, r.code(), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().contains("layer 'conv_0'") && r.err().contains("'e4m3_trunc3'")
        && r.err().contains("retraining"), r.err());
    assertTrue(r.out().isEmpty(), "nothing evaluated: " + r.out());
    assertTrue(Files.notExists(dir.resolve("m2.onnx")));
  }
}
