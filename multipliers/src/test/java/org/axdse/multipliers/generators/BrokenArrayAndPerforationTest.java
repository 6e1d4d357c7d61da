package org.axdse.multipliers.generators;

import static org.axdse.multipliers.generators.TruncationTest.forEachPair;
import static org.axdse.multipliers.generators.TruncationTest.meanError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.ProductTable;
import org.axdse.multipliers.table.Signedness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BrokenArrayAndPerforationTest {

  static List<Arguments> bamCases() {
    List<Arguments> args = new ArrayList<>();
    for (int n = 2; n <= 8; n++) {
      for (Signedness s : Signedness.values()) {
        MultiplierFormat f = MultiplierFormat.of(n, s);
        args.add(Arguments.of(f, 0, 0));
        args.add(Arguments.of(f, 1, n + 1));
        args.add(Arguments.of(f, n - 1, 4));
        args.add(Arguments.of(f, n / 2, n + 6));
      }
    }
    return args;
  }

  @ParameterizedTest
  @MethodSource("bamCases")
  void bamKeepsExactlyTheTermsBelowAndLeftOfTheBreakLevels(MultiplierFormat f, int h, int v) {
    ProductTable t = MultiplierDesign.brokenArray(f, h, v).build().table();
    forEachPair(f, (a, w) -> assertEquals(TermSums.wrap(f, TermSums.sum(f, a, w, (i, j) -> j >= h && i + j >= v)),
        t.product(a, w), () -> f + " bam_h" + h + "v" + v + " a=" + a + " w=" + w));
  }

  @Test
  void bamMeanErrorMatchesClosedForm() {
    // Unsigned: every dropped term a_i w_j 2^(i+j) is 1 for a quarter of the pairs, so the mean error is
    // -sum over dropped (j < h or i + j < v) of 2^(i+j) / 4. For h=2, v=5 by hand: rows 0 and 1 weigh
    // (255 + 510) = 765, columns i+j<5 with j>=2 are (j=2: i=0..2) 4+8+16 and (j=3: i=0..1) 8+16 and (j=4: i=0)
    // 16, i.e. 68; total 833, mean error -833/4 = -208.25.
    MultiplierFormat f = MultiplierFormat.unsigned8x8();
    assertEquals(-208.25, meanError(MultiplierDesign.brokenArray(f, 2, 5).build().table()), 1e-9);
    for (int[] hv : new int[][] {{0, 8}, {3, 0}, {4, 10}, {7, 14}}) {
      double expected = 0;
      for (int i = 0; i < 8; i++) {
        for (int j = 0; j < 8; j++) {
          if (j < hv[0] || i + j < hv[1]) {
            expected -= Math.pow(2, i + j) / 4;
          }
        }
      }
      assertEquals(expected, meanError(MultiplierDesign.brokenArray(f, hv[0], hv[1]).build().table()), 1e-9);
    }
  }

  static List<Arguments> perforationCases() {
    List<Arguments> args = new ArrayList<>();
    for (int n = 2; n <= 8; n++) {
      for (Signedness s : Signedness.values()) {
        MultiplierFormat f = MultiplierFormat.of(n, s);
        args.add(Arguments.of(f, Set.of(0)));
        args.add(Arguments.of(f, Set.of(n - 1)));
        if (n > 2) {
          args.add(Arguments.of(f, Set.of(0, 1)));
        }
      }
    }
    return args;
  }

  @ParameterizedTest
  @MethodSource("perforationCases")
  void perforationMultipliesByTheWeightWithSkippedBitsCleared(MultiplierFormat f, Set<Integer> rows) {
    int n = f.weightBits();
    int mask = rows.stream().mapToInt(r -> 1 << r).sum();
    ProductTable t = MultiplierDesign.perforated(f, rows).build().table();
    forEachPair(f, (a, w) -> {
      int cleared = w & ~mask & ((1 << n) - 1);
      int wPrime = f.signed() ? (cleared << (32 - n)) >> (32 - n) : cleared;
      assertEquals(a * wPrime, t.product(a, w), () -> f + " perf " + rows + " a=" + a + " w=" + w);
    });
  }

  @Test
  void namesAndValidation() {
    MultiplierFormat s = MultiplierFormat.signed8x8();
    assertEquals("s8x8_bam_h2v5", MultiplierDesign.brokenArray(s, 2, 5).name());
    assertEquals("u8x8_perf_r0r1",
        MultiplierDesign.perforated(MultiplierFormat.unsigned8x8(), Set.of(1, 0)).name());
    assertThrows(IllegalArgumentException.class, () -> MultiplierDesign.brokenArray(s, 8, 0));
    assertThrows(IllegalArgumentException.class,
        () -> MultiplierDesign.perforated(MultiplierFormat.of(2, Signedness.UNSIGNED), Set.of(0, 1)));
  }
}
