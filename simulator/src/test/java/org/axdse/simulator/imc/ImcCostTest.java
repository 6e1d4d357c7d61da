package org.axdse.simulator.imc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The energy and latency of a small layer against a count by hand. */
class ImcCostTest {
  /**
   * R = 64 rows, C = 128 columns, 2-bit cells, 1-bit DAC, one ADC per array, read 1 cycle, 1 cycle per ADC bit;
   * energies: ADC 1 pJ at 8 bits, array read 30, DAC 0.4 per row, shift-add 0.05, buffer 1 per byte. A layer of
   * 4 output positions, K = 200, 40 channels, knobs p6-s3-a5, unsigned activations:
   *
   * <pre>
   *   cycles 6 (planes, 1 bit each); height arrays ceil(200/64) = 4; columns 40 x 3 = 120, one array wide
   *   steps 4 x 6 = 24;  conversions 24 x 4 x 120 = 11,520 at 2^(5-8) + 0.05 = 0.175 pJ  ->  2,016
   *   array reads 24 x 4 = 96 at 30                                                  ->  2,880
   *   row drives 24 x 200 x 1 = 4,800 at 0.4                                           ->  1,920
   *   buffer bytes 4 x (200 + 40) = 960 at 1                                           ->    960   total 7,776 pJ
   *   latency: 24 steps x (1 + 120 conversions x 5 bits) = 24 x 601 = 14,424 cycles
   * </pre>
   */
  @Test
  void smallLayerByHand() {
    ImcArchitecture arch = ImcTestArch.of(64, 2, 1, AdcMode.SATURATE);
    ImcKnobs k = new ImcKnobs(6, 3, 5);
    ImcWorkload w = new ImcWorkload("c", 4, 1, 200, 40);
    ImcCost c = ImcCost.of(arch, w, k, ImcCost.cycles(arch, k, false));
    assertEquals(7776.0, c.energyPj(), 1e-9);
    assertEquals(14424, c.latencyCycles());
  }

  /** The cost model counts the cycles the simulator runs, for every plane count, DAC width and signedness. */
  @Test
  void cyclesMatchTheSimulator() {
    for (int dac = 1; dac <= 8; dac++) {
      ImcArchitecture arch = ImcTestArch.of(64, 2, dac, AdcMode.SATURATE);
      for (int planes = 1; planes <= 8; planes++) {
        for (boolean signed : new boolean[] {false, true}) {
          ImcKnobs k = new ImcKnobs(planes, 4, arch.fullAdcBits());
          ImcLayer l = new ImcLayer(arch, k, 1, 1, new int[] {0}, 8, true, new int[1], 0, signed);
          assertEquals(l.cycles(), ImcCost.cycles(arch, k, signed), "dac " + dac + " planes " + planes);
        }
      }
    }
    // by hand: signed, 6 planes, 2-bit DAC: magnitude planes 1..6 in ceil(5/2) = 3 cycles, plus the sign: 4
    assertEquals(4, ImcCost.cycles(ImcTestArch.of(64, 2, 2, AdcMode.SATURATE), new ImcKnobs(6, 4, 9), true));
  }
}
