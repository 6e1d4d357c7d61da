package org.axdse.explorer.simulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.ProductTable;
import org.axdse.simulator.quant.FixedPointMultiplier;
import org.axdse.simulator.quant.LayerQuantization;
import org.axdse.simulator.quant.QuantParams;
import org.axdse.simulator.quant.QuantizedWeights;
import org.junit.jupiter.api.Test;

class ChannelRankingTest {
  private static final MultiplierFormat F = MultiplierFormat.signed8x8();

  /** Four channels of three weights; channel 2 is all zeros. */
  private static final int[] WEIGHTS = {5, -7, 2, 1, 1, 1, 0, 0, 0, -20, 3, 3};

  private static LayerQuantization layer(double[] requant, long[] activationCounts) {
    QuantParams p = QuantParams.symmetric(1.0, 8);
    List<FixedPointMultiplier> m = java.util.Arrays.stream(requant).mapToObj(FixedPointMultiplier::of).toList();
    return new LayerQuantization("l", p, p, new QuantizedWeights(WEIGHTS, List.of(p)), null, new int[requant.length],
        m, activationCounts, new long[256]);
  }

  private static long[] uniformActivations() {
    long[] c = new long[256];
    java.util.Arrays.fill(c, 1);
    return c;
  }

  @Test
  void exactProbeGivesChannelOrder() {
    // every error is 0, so every score ties and ties keep channel order
    int[] order = ChannelRanking.rank(layer(new double[] {1, 1, 1, 1}, uniformActivations()), 4, ProductTable.exact(F));
    assertArrayEquals(new int[] {0, 1, 2, 3}, order);
  }

  @Test
  void biasOnlyProbeRanksByScaledWeightSum() {
    // T(a, w) = a*w + w: error w whatever a is, so e(w) = w, v(w) = 0 and s_n = |M_n| * |sum_k w_nk|.
    int[] products = new int[F.tableSize()];
    for (int i = 0; i < products.length; i++) {
      products[i] = F.activationAt(i) * F.weightAt(i) + F.weightAt(i);
    }
    ProductTable probe = ProductTable.of(F, products);
    // sums: 0, 3, 0, -14 -> scores 0, 3, 0, 14 with unit scales: order 0, 2, 1, 3
    assertArrayEquals(new int[] {0, 2, 1, 3},
        ChannelRanking.rank(layer(new double[] {1, 1, 1, 1}, uniformActivations()), 4, probe));
    // scales 1, 10, 1, 0.1: scores 0, 30, 0, 1.4 -> the scales flip channels 1 and 3
    assertArrayEquals(new int[] {0, 2, 3, 1},
        ChannelRanking.rank(layer(new double[] {1, 10, 1, 0.1}, uniformActivations()), 4, probe));
  }

  @Test
  void spreadCountsThroughTheActivationHistogram() {
    // T(a, w) = a*w + a*w/|w| for w != 0 (error sign(w)*a): with activations only at code 0 every error is 0;
    // with activations uniform on {-1, 1}, e = 0 and v = 1 per nonzero weight, so s_n = sqrt(#nonzero weights).
    int[] products = new int[F.tableSize()];
    for (int i = 0; i < products.length; i++) {
      int a = F.activationAt(i);
      int w = F.weightAt(i);
      products[i] = a * w + Integer.signum(w) * a;
    }
    ProductTable probe = ProductTable.of(F, products);
    long[] zeroOnly = new long[256];
    zeroOnly[0] = 10;
    assertArrayEquals(new int[] {0, 1, 2, 3}, ChannelRanking.rank(layer(new double[] {1, 1, 1, 1}, zeroOnly), 4, probe));
    long[] plusMinusOne = new long[256];
    plusMinusOne[1] = 5;
    plusMinusOne[255] = 5;
    // nonzero weights per channel: 3, 3, 0, 3 -> channel 2 first, then the ties in order
    assertArrayEquals(new int[] {2, 0, 1, 3},
        ChannelRanking.rank(layer(new double[] {1, 1, 1, 1}, plusMinusOne), 4, probe));
  }
}
