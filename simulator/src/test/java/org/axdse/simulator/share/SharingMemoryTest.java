package org.axdse.simulator.share;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.axdse.simulator.engine.TinyNets;
import org.axdse.simulator.model.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Weight memory against hand counts on the test CNN (c1 8x3x3x3, dw 8x1x3x3, pw 8x8x1x1, fc 5x14) and LSTM. */
class SharingMemoryTest {
  @TempDir Path dir;

  @Test
  void indexBitsAreCeilLog2() {
    int[] expected = {0, 1, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4, 5};
    for (int k = 1; k <= 17; k++) {
      assertEquals(expected[k - 1], SharingMemory.indexBits(k), "k=" + k);
    }
  }

  @Test
  void channelSharingMatchesAHandCount() {
    Model m = new TinyNets(1).cnn(dir);
    SharingMemory.Memory mem = SharingMemory.of(m, SharingPlan.uniform(m, ShareGranularity.CHANNEL, 4), 8, false);
    // k = 4: 2 index bits per weight, one codebook of 4 x 8 bits per output channel (8, 8, 8 and 5 channels)
    long c1 = 216 * 2 + 8 * 4 * 8;
    long dw = 72 * 2 + 8 * 4 * 8;
    long pw = 64 * 2 + 8 * 4 * 8;
    long fc = 70 * 2 + 5 * 4 * 8;
    assertEquals(216 + 72 + 64 + 70, mem.weights());
    assertEquals(c1 + dw + pw + fc, mem.bits());
    assertEquals(8.0 * 422 / (c1 + dw + pw + fc), mem.reductionVsInt8(), 1e-12);
    assertEquals(32.0 * 422 / (c1 + dw + pw + fc), mem.reductionVsFloat32(), 1e-12);
  }

  @Test
  void kernelAndLayerSharingMatchHandCounts() {
    Model m = new TinyNets(1).cnn(dir);
    // only c1 shared, kernels of 3x3 with k = 2: 1 bit per weight, 8 x 3 kernels with 2 x 6-bit entries
    long c1 = 216 + 24 * 2 * 6;
    long rest = (72 + 64 + 70) * 6;
    assertEquals(c1 + rest, SharingMemory.of(m, new SharingPlan(ShareGranularity.KERNEL, Map.of("c1", 2)), 6,
        false).bits());
    // layer codebooks, per tensor: one of 16 x 8 bits; with per-channel scales one per output channel
    long layer = 216 * 4 + 16 * 8;
    long perChannel = 216 * 4 + 8 * 16 * 8;
    SharingPlan plan = new SharingPlan(ShareGranularity.LAYER, Map.of("c1", 16));
    assertEquals(layer + (72 + 64 + 70) * 8, SharingMemory.of(m, plan, 8, false).bits());
    assertEquals(perChannel + (72 + 64 + 70) * 8, SharingMemory.of(m, plan, 8, true).bits());
  }

  @Test
  void recurrentLayersHaveACodebookPerTensor() {
    Model m = new TinyNets(1).lstm(dir);
    // LSTM w 24x4 and r 24x6 (hidden 6, 4 gates), k = 8: 3 bits each, one 8 x 8-bit codebook per tensor; fc 3x6
    long lstm = (96 + 144) * 3 + 2 * 8 * 8;
    SharingPlan plan = new SharingPlan(ShareGranularity.LAYER, Map.of("lstm", 8));
    assertEquals(lstm + 18 * 8, SharingMemory.of(m, plan, 8, false).bits());
    // channel groups: 24 rows of w and 24 of r, one codebook each
    SharingPlan rows = new SharingPlan(ShareGranularity.CHANNEL, Map.of("lstm", 4));
    assertEquals((96 + 144) * 2 + 48 * 4 * 8 + 18 * 8, SharingMemory.of(m, rows, 8, false).bits());
  }
}
