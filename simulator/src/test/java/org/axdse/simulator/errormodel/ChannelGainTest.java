package org.axdse.simulator.errormodel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.ProductTable;
import org.axdse.multipliers.table.Signedness;
import org.junit.jupiter.api.Test;

/**
 * A channel's gain against brute force: with independent positions it is the least-squares slope
 * {@code Cov(E, A) / Var(A)} of the accumulator error {@code E} on the exact accumulator {@code A}, computed
 * here by enumerating every joint activation of a small layer; and on tables whose answer is known: exact
 * products keep all the signal (gain 0), a multiplier that returns 0 drops it (gain -1), one that doubles every
 * product has gain +1.
 */
class ChannelGainTest {
  private static final int K = 3;
  private static final int CHANNELS = 3;
  private static final MultiplierFormat F = MultiplierFormat.of(8, Signedness.SIGNED);

  @Test
  void equalsTheSlopeOfTheErrorOnTheExactAccumulator() {
    Random rnd = new Random(21);
    int[] products = new int[F.tableSize()];
    for (int i = 0; i < products.length; i++) {
      int exact = F.activationAt(i) * F.weightAt(i);
      products[i] = (int) Math.round(0.8 * exact) + rnd.nextInt(301) - 150;
    }
    Layer l = layer(rnd);
    double[] gains = l.model.gains(ProductTable.of(F, products), Map.of());
    for (int o = 0; o < CHANNELS; o++) {
      // joint enumeration: 4 codes per tap, 4^3 activations
      double p1 = 0;
      double e1 = 0;
      double a1 = 0;
      double ea = 0;
      double aa = 0;
      for (int c0 : l.support.get(0)) {
        for (int c1 : l.support.get(1)) {
          for (int c2 : l.support.get(2)) {
            int[] c = {c0, c1, c2};
            double p = 1;
            double e = 0;
            double a = 0;
            for (int k = 0; k < K; k++) {
              p *= (double) l.taps.count(0, k, c[k]) / l.taps.positions();
              int act = (byte) c[k];
              int w = l.codes[o * K + k];
              e += products[F.index(act, w)] - (double) act * w;
              a += (double) act * w;
            }
            p1 += p;
            e1 += p * e;
            a1 += p * a;
            ea += p * e * a;
            aa += p * a * a;
          }
        }
      }
      assertEquals(1, p1, 1e-12);
      double slope = (ea - e1 * a1) / (aa - a1 * a1);
      assertEquals(slope, gains[o], 1e-9, "channel " + o);
    }
  }

  @Test
  void exactDroppedAndDoubledProducts() {
    Layer l = layer(new Random(4));
    int[] exact = new int[F.tableSize()];
    int[] doubled = new int[F.tableSize()];
    for (int i = 0; i < exact.length; i++) {
      exact[i] = F.activationAt(i) * F.weightAt(i);
      doubled[i] = 2 * exact[i];
    }
    double[] keep = l.model.gains(ProductTable.of(F, exact), Map.of());
    double[] drop = l.model.gains(ProductTable.of(F, new int[F.tableSize()]), Map.of());
    double[] twice = l.model.gains(ProductTable.of(F, doubled), Map.of());
    for (int o = 0; o < CHANNELS; o++) {
      assertEquals(0, keep[o], 1e-12);
      assertEquals(-1, drop[o], 1e-12);
      assertEquals(1, twice[o], 1e-12);
    }
  }

  private record Layer(LayerErrorModel model, TapCounts taps, int[] codes, List<int[]> support) {}

  /** One group, three positions with four codes each (random counts), random nonzero weights, zero point 0. */
  private static Layer layer(Random rnd) {
    long positions = 1000;
    long[] counts = new long[K * 256];
    List<int[]> support = new ArrayList<>();
    for (int k = 0; k < K; k++) {
      int[] codes = new int[4];
      long left = positions;
      for (int j = 0; j < 4; j++) {
        codes[j] = 64 * j + rnd.nextInt(64); // four distinct codes
        long c = j == 3 ? left : 1 + rnd.nextInt((int) left / 2);
        counts[k * 256 + codes[j]] = c;
        left -= c;
      }
      support.add(codes);
    }
    TapCounts taps = new TapCounts(1, K, positions, counts);
    int[] w = new int[CHANNELS * K];
    for (int i = 0; i < w.length; i++) {
      w[i] = (rnd.nextBoolean() ? 1 : -1) * (1 + rnd.nextInt(127));
    }
    return new Layer(new LayerErrorModel("tiny", taps, CHANNELS, w, 0, true), taps, w, support);
  }
}
