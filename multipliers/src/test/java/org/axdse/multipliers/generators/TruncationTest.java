package org.axdse.multipliers.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.ProductTable;
import org.axdse.multipliers.table.Signedness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class TruncationTest {

  static List<Arguments> formatsAndK() {
    List<Arguments> args = new ArrayList<>();
    for (int n = 2; n <= 8; n++) {
      for (Signedness s : Signedness.values()) {
        MultiplierFormat f = MultiplierFormat.of(n, s);
        for (int k : new int[] {1, 3, n + 2, n + 6}) {
          args.add(Arguments.of(f, k));
        }
      }
    }
    return args;
  }

  @ParameterizedTest
  @MethodSource("formatsAndK")
  void plainTruncationDropsExactlyTheLowColumns(MultiplierFormat f, int k) {
    ProductTable t = new TruncatedDesign(f, k, Correction.NONE, Reduction.ARRAY).build().table();
    forEachPair(f, (a, w) -> assertEquals(TermSums.wrap(f, TermSums.sum(f, a, w, (i, j) -> i + j >= k)),
        t.product(a, w), () -> f + " trunc" + k + " a=" + a + " w=" + w));
  }

  @ParameterizedTest
  @MethodSource("formatsAndK")
  void constantCorrectionAddsTheRoundedExpectedDroppedValue(MultiplierFormat f, int k) {
    // Each a_i w_j is 1 for a quarter of the pairs, so E[dropped] = sum_{i+j<k} s_ij 2^(i+j) / 4.
    double expected = 0;
    for (int i = 0; i < 8; i++) {
      for (int j = 0; j < f.weightBits(); j++) {
        if (i + j < k) {
          expected += TermSums.sign(f, i, j) * Math.pow(2, i + j) / 4;
        }
      }
    }
    long c = (long) Math.floor(expected + 0.5);
    ProductTable t = new TruncatedDesign(f, k, Correction.CONSTANT, Reduction.ARRAY).build().table();
    forEachPair(f, (a, w) -> assertEquals(TermSums.wrap(f, TermSums.sum(f, a, w, (i, j) -> i + j >= k) + c),
        t.product(a, w), () -> f + " trunc" + k + "_cc a=" + a + " w=" + w));
  }

  @ParameterizedTest
  @MethodSource("formatsAndK")
  void variableCorrectionDoublesTheTopDroppedColumn(MultiplierFormat f, int k) {
    ProductTable t = new TruncatedDesign(f, k, Correction.VARIABLE, Reduction.ARRAY).build().table();
    forEachPair(f, (a, w) -> {
      long kept = TermSums.sum(f, a, w, (i, j) -> i + j >= k);
      long moved = 2 * TermSums.sum(f, a, w, (i, j) -> i + j == k - 1);
      assertEquals(TermSums.wrap(f, kept + moved), t.product(a, w), () -> f + " trunc" + k + "_vc");
    });
  }

  @ParameterizedTest
  @EnumSource(Reduction.class)
  void everyReductionTruncatesTheSameWay(Reduction r) {
    for (MultiplierFormat f : List.of(MultiplierFormat.unsigned8x8(), MultiplierFormat.signed8x8())) {
      ProductTable t = new TruncatedDesign(f, 7, Correction.NONE, r).build().table();
      forEachPair(f, (a, w) -> assertEquals(TermSums.wrap(f, TermSums.sum(f, a, w, (i, j) -> i + j >= 7)),
          t.product(a, w)));
    }
  }

  @Test
  void meanErrorOfUnsignedTruncationMatchesClosedForm() {
    MultiplierFormat f = MultiplierFormat.unsigned8x8();
    for (int k = 1; k <= 14; k++) {
      // E[a_i w_j] = 1/4 for uniform operands, so E[approx - exact] = -sum_{i+j<k} 2^(i+j) / 4.
      double expected = 0;
      for (int i = 0; i < 8; i++) {
        for (int j = 0; j < 8; j++) {
          if (i + j < k) {
            expected -= Math.pow(2, i + j) / 4;
          }
        }
      }
      assertEquals(expected, meanError(new TruncatedDesign(f, k, Correction.NONE, Reduction.ARRAY).build()
          .table()), 1e-9, "trunc" + k);
    }
  }

  @Test
  void constantCorrectionOfTrunc6LeavesAQuarterOfBias() {
    // E[dropped] = sum_{s=0..5} (s+1) 2^s / 4 = (1+4+12+32+80+192)/4 = 80.25; the constant is 80, so the mean
    // error is 80 - 80.25 = -0.25.
    TruncatedDesign d = new TruncatedDesign(MultiplierFormat.unsigned8x8(), 6, Correction.CONSTANT,
        Reduction.ARRAY);
    assertEquals(80, d.correctionConstant());
    assertEquals(-0.25, meanError(d.build().table()), 1e-9);
    assertFalse(d.zeroPreserving());
  }

  @Test
  void namesFollowTheScheme() {
    MultiplierFormat u = MultiplierFormat.unsigned8x8();
    assertEquals("u8x8_trunc6", MultiplierDesign.truncated(u, 6, Correction.NONE).name());
    assertEquals("u8x8_trunc6_cc", MultiplierDesign.truncated(u, 6, Correction.CONSTANT).name());
    assertEquals("s8x4_trunc2_vc", MultiplierDesign.truncated(MultiplierFormat.of(4, Signedness.SIGNED), 2,
        Correction.VARIABLE).name());
    assertEquals("u8x8_dadda_trunc6", new TruncatedDesign(u, 6, Correction.NONE, Reduction.DADDA).name());
    assertTrue(MultiplierDesign.truncated(u, 6, Correction.VARIABLE).zeroPreserving());
  }

  static double meanError(ProductTable t) {
    long sum = 0;
    for (int i = 0; i < t.size(); i++) {
      sum += t.atIndex(i) - t.exactAtIndex(i);
    }
    return (double) sum / t.size();
  }

  interface PairCheck {
    void check(int a, int w);
  }

  static void forEachPair(MultiplierFormat f, PairCheck c) {
    for (int a = f.minActivation(); a <= f.maxActivation(); a++) {
      for (int w = f.minWeight(); w <= f.maxWeight(); w++) {
        c.check(a, w);
      }
    }
  }
}
