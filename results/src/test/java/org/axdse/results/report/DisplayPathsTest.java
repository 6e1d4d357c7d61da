package org.axdse.results.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DisplayPathsTest {
  private static final Path BASE = Path.of("/work/project");

  @Test
  void pathsInsideTheBaseBecomeRelativeAndOthersTheirFileName() {
    assertEquals("models/lenet5.onnx on data/set (2000 images; calibration: c10.bin)",
        DisplayPaths.shorten("/work/project/models/lenet5.onnx on /work/project/data/set (2000 images;"
            + " calibration: /elsewhere/cifar/c10.bin)", BASE));
    assertEquals("fashion-mnist/train[random 200, seed 1]",
        DisplayPaths.shorten("fashion-mnist/train[random 200, seed 1]", BASE), "no absolute path, no change");
    assertEquals("models/a.onnx", DisplayPaths.shorten("models/a.onnx", BASE));
  }

  @Test
  void datasetNameDropsTheDetails() {
    assertEquals("fashion-mnist/test", DisplayPaths.datasetName("fashion-mnist/test (2000 images; calibration: x)"));
    assertEquals("cifar10", DisplayPaths.datasetName("cifar10"));
  }
}
