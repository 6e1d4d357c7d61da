package org.axdse.simulator.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The bisection threshold of {@code axdse imc search}: a screened drop of exactly {@code --max-accuracy-drop}
 * passes (the session-7 ResNet-20 run rejected 12 images of 4,000 against 0.3 through floating-point rounding),
 * one image more does not.
 */
class ImcSearchThresholdTest {
  @Test
  void aDropOfExactlyTheLimitPasses() {
    for (int screen : new int[] {300, 400, 2000, 4000, 10000}) {
      int full = (int) Math.round(0.863 * screen);
      for (int limitImages = 0; limitImages <= screen / 100; limitImages++) {
        double limit = 100.0 * limitImages / screen;
        double fullTop1 = (double) full / screen;
        assertTrue(ImcSearchCommand.within(fullTop1, (double) (full - limitImages) / screen, limit),
            limitImages + " of " + screen);
        assertFalse(ImcSearchCommand.within(fullTop1, (double) (full - limitImages - 1) / screen, limit),
            limitImages + 1 + " of " + screen);
      }
    }
    assertFalse(100 * (0.8630 - 0.8600) <= 0.3, "the rounding this guards against");
  }
}
