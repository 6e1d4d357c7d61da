package org.axdse.simulator.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EnergyModelTest {
  private final EnergyModel model = new EnergyModel(ArchitectureEnergy.defaults());

  @Test
  void allExactIsOneForBothObjectives() {
    List<LayerWorkload> net = List.of(
        LayerWorkload.ofUniformChannels("conv1", 16, 16 * 27 * 1024, 432, 3072, 16384),
        LayerWorkload.ofTotal("fc", 640, 640, 64, 10));
    EnergyReport exact = model.exact(net);
    assertEquals(1.0, exact.multiplierRelative());
    assertEquals(1.0, exact.systemRelative());
    EnergyReport perChannelOnes = model.report(net, List.of(filled(16, 1.0), new double[] {1.0}));
    assertEquals(1.0, perChannelOnes.multiplierRelative());
    assertEquals(1.0, perChannelOnes.systemRelative());
  }

  @Test
  void handComputedLayer() {
    // Defaults: mult 0.2, add 0.1, RF 0.3 x 4 per MAC, SRAM 20 per 64-bit word, DRAM 1300, reuse 16 and 16.
    // Layer: channels with 100 and 300 MACs (M = 400), W = 40 weights, I = 64 inputs, O = 32 outputs;
    // relative powers 0.5 and 1.0.
    //   multiplier   = (100*0.5 + 300*1.0) * 0.2 = 70 pJ;  exact = 400 * 0.2 = 80 pJ
    //   accumulator  = 400 * 0.1 = 40 pJ
    //   register     = 400 * 4 * 0.3 = 480 pJ
    //   sram words   = ceil(max(40, 25)/8) + ceil(max(64, 25)/8) + ceil(32/8) = 5 + 8 + 4 = 17 -> 340 pJ
    //   dram         = ceil(40/8) * 1 * 1300 = 6500 pJ
    //   system       = 70 + 40 + 480 + 340 + 6500 = 7430;  exact system = 7440
    LayerWorkload l = new LayerWorkload("l", new long[] {100, 300}, 40, 64, 32);
    LayerEnergy e = model.layer(l, new double[] {0.5, 1.0});
    assertEquals(70, e.multiplierPj(), 1e-9);
    assertEquals(80, e.exactMultiplierPj(), 1e-9);
    assertEquals(40, e.accumulatorPj(), 1e-9);
    assertEquals(480, e.registerFilePj(), 1e-9);
    assertEquals(340, e.sramPj(), 1e-9);
    assertEquals(6500, e.dramPj(), 1e-9);
    assertEquals(7430, e.systemPj(), 1e-9);
    assertEquals(70.0 / 80, e.multiplierRelative(), 1e-12);
    assertEquals(7430.0 / 7440, e.systemRelative(), 1e-12);
  }

  @Test
  void reuseBoundsSramTrafficFromBelow() {
    // 16,000 MACs over 10 weights: weights re-fetched 16000/16 = 1000 times -> 125 words
    LayerEnergy e = model.layer(LayerWorkload.ofTotal("x", 16_000, 10, 8, 8), new double[] {1});
    assertEquals((125 + 125 + 1) * 20.0, e.sramPj(), 1e-9);
  }

  @Test
  void networkTotalsWeighLayersByTheirEnergy() {
    // Two layers, multiplier energies 1000*0.2 and 3000*0.2; halving only the second gives
    // (200 + 300) / (200 + 600) = 0.625 for the multiplier-only figure.
    List<LayerWorkload> net = List.of(LayerWorkload.ofTotal("a", 1000, 0, 0, 0),
        LayerWorkload.ofTotal("b", 3000, 0, 0, 0));
    EnergyReport r = model.report(net, List.of(new double[] {1}, new double[] {0.5}));
    assertEquals(0.625, r.multiplierRelative(), 1e-12);
    // system: exact = 4000 * (0.2 + 0.1 + 1.2) = 6000; approx = 6000 - 300 = 5700 (no memory traffic:
    // M / reuse = 62.5 and 187.5 values -> 8 + 8 and 24 + 24 words of SRAM, the same in both)
    double sram = (8 + 8 + 24 + 24) * 20.0;
    assertEquals((5700 + sram) / (6000 + sram), r.systemRelative(), 1e-12);
    assertTrue(r.systemRelative() > r.multiplierRelative());
  }

  @Test
  void rejectsMismatchedPowers() {
    LayerWorkload l = new LayerWorkload("l", new long[] {1, 2, 3}, 0, 0, 0);
    assertThrows(IllegalArgumentException.class, () -> model.layer(l, new double[] {1, 1}));
    assertThrows(IllegalArgumentException.class, () -> model.layer(l, new double[] {Double.NaN}));
    assertThrows(IllegalArgumentException.class, () -> model.report(List.of(l), List.of()));
    assertThrows(IllegalArgumentException.class, () -> LayerWorkload.ofTotal("bad", -1, 0, 0, 0));
  }

  private static double[] filled(int n, double v) {
    double[] a = new double[n];
    java.util.Arrays.fill(a, v);
    return a;
  }
}
