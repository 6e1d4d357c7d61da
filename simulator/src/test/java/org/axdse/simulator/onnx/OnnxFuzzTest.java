package org.axdse.simulator.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.simulator.model.FloatExecutor;
import org.axdse.simulator.model.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 1,000 seeded corruptions (truncation, bit flips, byte overwrites) of a small valid model: each imports (and then
 * runs) or fails with a one-line {@link BadInputException}; no other exception, and no large allocation (the JVM
 * heap of the test run bounds it; a claimed tensor size is checked before allocating).
 */
class OnnxFuzzTest {
  @TempDir Path dir;

  @Test
  void corruptedModelsImportOrFailCleanly() throws IOException {
    Random rnd = new Random(99);
    OnnxGraphBuilder b = OnnxGraphBuilder.create("fuzz");
    b.input("x", 2, 6, 6);
    String c = b.relu("r", b.conv("c", "x", weights(rnd, 4 * 2 * 9), new int[] {4, 2, 3, 3}, weights(rnd, 4),
        new int[] {1, 1}, new int[] {1, 1, 1, 1}, new int[] {1, 1}, 1));
    String p = b.flatten("f", b.globalAveragePool("g", c), 1);
    b.output(b.gemm("fc", p, weights(rnd, 12), new int[] {3, 4}, weights(rnd, 3), 1f, 1f, true));
    Path valid = dir.resolve("valid.onnx");
    b.write(valid);
    byte[] bytes = Files.readAllBytes(valid);
    Path f = dir.resolve("fuzz.onnx");
    int imported = 0;
    int rejected = 0;
    for (int i = 0; i < 1000; i++) {
      byte[] m = bytes.clone();
      switch (i % 3) {
        case 0 -> m = java.util.Arrays.copyOf(m, rnd.nextInt(m.length));
        case 1 -> {
          for (int k = 0, n = 1 + rnd.nextInt(6); k < n; k++) {
            int pos = rnd.nextInt(m.length);
            m[pos] = (byte) (m[pos] ^ (1 << rnd.nextInt(8)));
          }
        }
        default -> m[rnd.nextInt(m.length)] = (byte) rnd.nextInt(256);
      }
      Files.write(f, m);
      try {
        Model model = OnnxImporter.load(f);
        FloatExecutor.of(model).run(new float[model.input().shape().size()], 1);
        imported++;
      } catch (BadInputException e) {
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        rejected++;
      }
    }
    assertEquals(1000, imported + rejected);
    assertTrue(rejected > 100, "most corruptions must be detected, got " + rejected);
  }

  private static float[] weights(Random rnd, int n) {
    float[] w = new float[n];
    for (int i = 0; i < n; i++) {
      w[i] = (float) rnd.nextGaussian();
    }
    return w;
  }
}
