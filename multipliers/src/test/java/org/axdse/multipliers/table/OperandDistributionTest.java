package org.axdse.multipliers.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OperandDistributionTest {
  private static final MultiplierFormat U8X2 = MultiplierFormat.of(2, Signedness.UNSIGNED);
  private static final MultiplierFormat S8X4 = MultiplierFormat.of(4, Signedness.SIGNED);

  @Test
  void uniformGivesEveryPairOneOverTableSize() {
    OperandDistribution d = OperandDistribution.uniform(MultiplierFormat.unsigned8x8());
    assertTrue(d.isUniform());
    // 2^16 pairs, each 1/65536
    assertEquals(1.0 / 65536, d.probabilityAt(0));
    assertEquals(1.0 / 65536, d.probabilityAt(65535));
    assertEquals(1.0, Arrays.stream(d.toArray()).sum(), 1e-12);
  }

  @Test
  void independentIsTheProductOfNormalisedMarginals() {
    double[] act = new double[256];
    act[3] = 1;
    act[0x80] = 3; // code 0x80 is activation -128 in a signed format
    double[] wgt = new double[16];
    wgt[1] = 2;
    wgt[0xF] = 2; // weight -1
    OperandDistribution d = OperandDistribution.independent(S8X4, act, wgt);
    assertFalse(d.isUniform());
    // P(a=3) = 1/4, P(w=1) = 1/2 -> 1/8; P(a=-128) = 3/4, P(w=-1) = 1/2 -> 3/8
    assertEquals(1.0 / 8, d.probabilityAt(S8X4.index(3, 1)), 1e-15);
    assertEquals(3.0 / 8, d.probabilityAt(S8X4.index(-128, -1)), 1e-15);
    assertEquals(0.0, d.probabilityAt(S8X4.index(3, 2)));
    assertEquals(1.0, Arrays.stream(d.toArray()).sum(), 1e-12);
  }

  @Test
  void jointNormalisesCounts() {
    double[] counts = new double[U8X2.tableSize()];
    counts[5] = 2;
    counts[700] = 6;
    OperandDistribution d = OperandDistribution.joint(U8X2, counts);
    assertEquals(0.25, d.probabilityAt(5));
    assertEquals(0.75, d.probabilityAt(700));
  }

  @Test
  void rejectsBadHistograms() {
    double[] ok = new double[256];
    ok[1] = 1;
    double[] okW = {1, 1, 1, 1};
    assertThrows(IllegalArgumentException.class, () -> OperandDistribution.independent(U8X2, new double[255], okW));
    assertThrows(IllegalArgumentException.class, () -> OperandDistribution.independent(U8X2, ok, new double[8]));
    assertThrows(IllegalArgumentException.class, () -> OperandDistribution.independent(U8X2, ok, new double[4]));
    assertThrows(IllegalArgumentException.class,
        () -> OperandDistribution.independent(U8X2, ok, new double[] {1, -1, 0, 0}));
    assertThrows(IllegalArgumentException.class,
        () -> OperandDistribution.independent(U8X2, ok, new double[] {1, Double.NaN, 0, 0}));
    assertThrows(IllegalArgumentException.class,
        () -> OperandDistribution.independent(U8X2, ok, new double[] {1, Double.POSITIVE_INFINITY, 0, 0}));
    assertThrows(IllegalArgumentException.class, () -> OperandDistribution.joint(U8X2, null));
    assertThrows(IllegalArgumentException.class,
        () -> OperandDistribution.joint(U8X2, new double[U8X2.tableSize()]));
  }

  @Test
  void samplerIsReproducibleFromItsSeed() {
    OperandDistribution d = OperandDistribution.uniform(MultiplierFormat.unsigned8x8());
    assertArrayEquals(d.sample(1000, 42), d.sample(1000, 42));
    assertFalse(Arrays.equals(d.sample(1000, 42), d.sample(1000, 43)));
  }

  @Test
  void pointMassAlwaysDrawsItsIndex() {
    OperandDistribution d = OperandDistribution.pointMass(MultiplierFormat.unsigned8x8(), 12345);
    assertTrue(Arrays.stream(d.sample(10_000, 7)).allMatch(i -> i == 12345));
  }

  @Test
  void sampleFrequenciesMatchProbabilitiesAndZeroMassIsNeverDrawn() {
    // A skewed random distribution with a third of the pairs at probability 0.
    SplittableRandom r = new SplittableRandom(5);
    double[] counts = new double[U8X2.tableSize()];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = r.nextInt(3) == 0 ? 0 : Math.pow(r.nextDouble(), 4);
    }
    OperandDistribution d = OperandDistribution.joint(U8X2, counts);
    int draws = 400_000;
    long[] seen = new long[counts.length];
    for (int idx : d.sample(draws, 11)) {
      seen[idx]++;
    }
    for (int i = 0; i < counts.length; i++) {
      double p = d.probabilityAt(i);
      if (p == 0) {
        assertEquals(0, seen[i], "index " + i + " has probability 0");
      } else {
        // binomial: mean draws*p, sd sqrt(draws*p*(1-p)); 6 sd is far outside chance over 1024 cells
        double sd = Math.sqrt(draws * p * (1 - p));
        assertEquals(draws * p, seen[i], 6 * sd + 1, "index " + i);
      }
    }
  }
}
