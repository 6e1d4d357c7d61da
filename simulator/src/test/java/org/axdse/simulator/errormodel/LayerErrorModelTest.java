package org.axdse.simulator.errormodel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.ProductTable;
import org.axdse.multipliers.table.Signedness;
import org.junit.jupiter.api.Test;

/**
 * The analytic per-channel mean and variance against a brute-force enumeration of every joint activation of a
 * small grouped layer (random table, weights, per-tap distributions, zero point and weight remap): with the
 * taps independent, the sum of the products' errors has exactly the enumerated mean and variance; the pooled
 * layer statistics are those of the mixture of the channels.
 */
class LayerErrorModelTest {
  private static final int GROUPS = 2;
  private static final int K = 3;
  private static final int CHANNELS = 4;
  private static final int CODES_PER_TAP = 4;

  @Test
  void unsignedWithZeroPointAndRemapMatchesEnumeration() {
    check(MultiplierFormat.of(8, Signedness.UNSIGNED), 7, true, 11);
  }

  @Test
  void signedMatchesEnumeration() {
    check(MultiplierFormat.of(8, Signedness.SIGNED), 0, false, 12);
  }

  private static void check(MultiplierFormat f, int za, boolean remapped, long seed) {
    Random rnd = new Random(seed);
    int[] products = new int[f.tableSize()];
    for (int i = 0; i < products.length; i++) {
      products[i] = f.activationAt(i) * f.weightAt(i) + rnd.nextInt(201) - 100;
    }
    ProductTable table = ProductTable.of(f, products);
    long positions = 1000;
    long[] counts = new long[GROUPS * K * 256];
    for (int t = 0; t < GROUPS * K; t++) {
      long left = positions;
      for (int j = 0; j < CODES_PER_TAP; j++) {
        int code = rnd.nextInt(256);
        long c = j == CODES_PER_TAP - 1 ? left : rnd.nextInt((int) left + 1);
        counts[t * 256 + code] += c;
        left -= c;
      }
    }
    TapCounts taps = new TapCounts(GROUPS, K, positions, counts);
    int[] codes = new int[CHANNELS * K];
    for (int i = 0; i < codes.length; i++) {
      codes[i] = f.minWeight() + rnd.nextInt(f.maxWeight() - f.minWeight() + 1);
    }
    Map<Integer, Integer> remap = new HashMap<>();
    if (remapped) {
      remap.put(codes[0], codes[0] == f.maxWeight() ? codes[0] - 1 : codes[0] + 1);
      remap.put(codes[5], f.minWeight());
    }
    ChannelMoments m = new LayerErrorModel("tiny", taps, CHANNELS, codes, za, f.signed()).moments(table, remap);

    double pooledFirst = 0;
    double pooledSecond = 0;
    for (int o = 0; o < CHANNELS; o++) {
      int g = o / (CHANNELS / GROUPS);
      double e1 = 0;
      double e2 = 0;
      // every joint choice of one code per tap: CODES_PER_TAP^K combinations, probability the product of p_k
      int combos = (int) Math.pow(256, K);
      for (int combo = 0; combo < combos; combo++) {
        double p = 1;
        double sum = 0;
        for (int k = 0, rest = combo; k < K && p > 0; k++, rest /= 256) {
          int code = rest % 256;
          p *= (double) taps.count(g, k, code) / positions;
          int a = f.signed() ? (byte) code : code;
          int w = codes[o * K + k];
          int u = remap.getOrDefault(w, w);
          sum += table.product(a, u) - (double) a * w - (double) za * (u - w);
        }
        if (p > 0) {
          e1 += p * sum;
          e2 += p * sum * sum;
        }
      }
      assertEquals(e1, m.mean(o), 1e-9 * Math.max(1, Math.abs(e1)), "mean of channel " + o);
      assertEquals(e2 - e1 * e1, m.variance(o), 1e-9 * Math.max(1, e2), "variance of channel " + o);
      pooledFirst += e1 / CHANNELS;
      pooledSecond += e2 / CHANNELS;
    }
    LayerStatistics pooled = m.pooled();
    assertEquals(pooledFirst, pooled.mean(), 1e-9 * Math.max(1, Math.abs(pooledFirst)));
    assertEquals(Math.sqrt(pooledSecond - pooledFirst * pooledFirst), pooled.std(), 1e-9 * Math.sqrt(pooledSecond));
  }
}
