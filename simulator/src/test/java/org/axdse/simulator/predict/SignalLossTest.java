package org.axdse.simulator.predict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** Signal loss shrinks one layer's accumulators toward their channel means, rounded, and leaves others alone. */
class SignalLossTest {
  @Test
  void shrinksTowardTheChannelMeans() {
    // two channels (rows) of three columns; means 15 and -4; keep 0.5:
    // 15 + 0.5 (10 - 15) = 12.5 -> 12 (half to even), 15 + 0.5 (21 - 15) = 18, 15 + 0.5 (14 - 15) = 14.5 -> 14;
    // -4 + 0.5 (0 + 4) = -2, -4 + 0.5 (-8 + 4) = -6, -4 + 0.5 (-4 + 4) = -4
    int[] acc = {10, 21, 14, 0, -8, -4};
    new SignalLoss(3, new double[] {15, -4}, 0.5).apply(3, acc, 2, 3);
    assertArrayEquals(new int[] {12, 18, 14, -2, -6, -4}, acc);
  }

  @Test
  void keepZeroLeavesTheMeansAndOtherLayersAreUntouched() {
    int[] acc = {10, 21, 14, 0, -8, -4};
    new SignalLoss(3, new double[] {15, -4}, 0).apply(3, acc, 2, 3);
    assertArrayEquals(new int[] {15, 15, 15, -4, -4, -4}, acc);
    int[] other = {1, 2, 3, 4, 5, 6};
    new SignalLoss(3, new double[] {15, -4}, 0).apply(2, other, 2, 3);
    assertArrayEquals(new int[] {1, 2, 3, 4, 5, 6}, other);
  }
}
