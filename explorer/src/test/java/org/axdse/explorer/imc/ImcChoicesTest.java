package org.axdse.explorer.imc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import org.axdse.explorer.backend.ImcOptions;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.simulator.imc.ImcArchitecture;
import org.axdse.simulator.imc.ImcArchitectureJson;
import org.axdse.simulator.imc.ImcKnobs;
import org.junit.jupiter.api.Test;

/** The generated configuration list: full precision first, then exactly the knobs within the floors, once each. */
class ImcChoicesTest {
  @Test
  void listHoldsEveryKnobWithinTheFloorsOnce() {
    ImcArchitecture arch = ImcArchitectureJson.defaults();
    for (int bits : new int[] {8, 6}) {
      ImcOptions o = ImcOptions.of(null, 5, 2, 6);
      List<ImcKnobs> list = ImcChoices.of(arch, bits, o);
      ImcKnobs full = ImcKnobs.full(arch, bits);
      assertEquals(full, list.get(0));
      int slices = arch.slices(bits);
      int count = 0;
      for (int p = 1; p <= 8; p++) {
        for (int s = 1; s <= slices; s++) {
          for (int a = 1; a <= arch.fullAdcBits(); a++) {
            ImcKnobs k = new ImcKnobs(p, s, a);
            boolean inside = p >= 5 && s >= 2 && a >= 6;
            count += inside ? 1 : 0;
            assertEquals(inside, list.contains(k), k.name());
          }
        }
      }
      assertEquals(count, list.size(), "no knob twice");
      assertEquals(list.size(), new HashSet<>(list).size());
      assertTrue(list.stream().allMatch(k -> k.slices() <= slices && k.adcBits() <= arch.fullAdcBits()));
    }
  }

  @Test
  void aFloorAboveTheSlicesIsBadInput() {
    ImcArchitecture arch = ImcArchitectureJson.defaults();
    BadInputException e = assertThrows(BadInputException.class,
        () -> ImcChoices.of(arch, 8, ImcOptions.of(null, 3, 5, 4)));
    assertTrue(e.getMessage().contains("--imc-min-slices 5") && e.getMessage().contains("4 slices"),
        e.getMessage());
  }
}
