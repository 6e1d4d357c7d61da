package org.axdse.multipliers.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.OperandDistribution;
import org.axdse.multipliers.table.ProductTable;
import org.axdse.multipliers.table.Signedness;
import org.junit.jupiter.api.Test;

class ErrorMetricsTest {
  private static final MultiplierFormat U8 = MultiplierFormat.unsigned8x8();
  private static final MultiplierFormat S8 = MultiplierFormat.signed8x8();

  private static ProductTable exactPlus(MultiplierFormat f, int index, int delta) {
    int[] p = ProductTable.exact(f).toArray();
    p[index] += delta;
    return ProductTable.of(f, p);
  }

  @Test
  void exactTableHasNoError() {
    ErrorMetrics m = ErrorMetrics.of(ProductTable.exact(U8));
    assertEquals(new ErrorMetrics(0, 0, 0, 0, 0, 0, 0, 0, 0, 0), m);
    assertTrue(m.isExact());
  }

  @Test
  void oneWrongUnsignedPairByHand() {
    // Only a=3, w=5 (exact 15) is off, by +1. Over 65536 equally likely pairs:
    // mean = mae = mse = EP = 1/65536; wce = 1; 255*255 = 65025 pairs have a non-zero exact product, so
    // mre = (1/15)/65025 and wcre = 1/15; nmed = mae/65025 (max exact 255*255); MAE% = 100*mae/65535 and
    // WCE% = 100/65535 (unsigned range 2^16 - 1).
    ErrorMetrics m = ErrorMetrics.of(exactPlus(U8, U8.index(3, 5), 1));
    double p = 1.0 / 65536;
    assertEquals(p, m.meanError(), 1e-18);
    assertEquals(p, m.mae(), 1e-18);
    assertEquals(p, m.mse(), 1e-18);
    assertEquals(1.0, m.wce());
    assertEquals(p, m.errorProbability(), 1e-18);
    assertEquals(1.0 / 15 / 65025, m.mre(), 1e-18);
    assertEquals(1.0 / 15, m.wcre(), 1e-15);
    assertEquals(p / 65025, m.nmed(), 1e-20);
    assertEquals(100 * p / 65535, m.maePercent(), 1e-18);
    assertEquals(100.0 / 65535, m.wcePercent(), 1e-15);
  }

  @Test
  void oneWrongSignedPairByHand() {
    // a=-128, w=-128 (exact 16384) is off by -4096 (reads 12288). Over 65536 pairs: mean = -4096/65536 = -1/16,
    // mae = 1/16, mse = 4096^2/65536 = 256, wce = 4096, wcre = 4096/16384 = 1/4. Non-zero exact products:
    // 255*255 = 65025 pairs (every a != 0 with every w != 0), so mre = 0.25/65025. Max |exact| = 16384, so
    // nmed = (1/16)/16384. Signed range = 16384 - (-128*127) = 32640: MAE% = 100/16/32640, WCE% = 409600/32640.
    ErrorMetrics m = ErrorMetrics.of(exactPlus(S8, S8.index(-128, -128), -4096));
    assertEquals(-1.0 / 16, m.meanError(), 1e-15);
    assertEquals(1.0 / 16, m.mae(), 1e-15);
    assertEquals(256.0, m.mse(), 1e-9);
    assertEquals(4096.0, m.wce());
    assertEquals(0.25, m.wcre(), 1e-15);
    assertEquals(0.25 / 65025, m.mre(), 1e-15);
    assertEquals(1.0 / 16 / 16384, m.nmed(), 1e-18);
    assertEquals(100.0 / 16 / 32640, m.maePercent(), 1e-15);
    assertEquals(409600.0 / 32640, m.wcePercent(), 1e-12);
    assertEquals(1.0 / 65536, m.errorProbability(), 1e-18);
  }

  @Test
  void errorAtZeroProductCountsInMaeButNotInRelativeErrors() {
    // a=0, w=7 (exact 0) reads 3: absolute errors see it, relative ones (x != 0 only) do not.
    ErrorMetrics m = ErrorMetrics.of(exactPlus(U8, U8.index(0, 7), 3));
    assertEquals(3.0 / 65536, m.mae(), 1e-18);
    assertEquals(0.0, m.mre());
    assertEquals(0.0, m.wcre());
  }

  @Test
  void matchesBruteForceOnRandomTables() {
    SplittableRandom r = new SplittableRandom(2024);
    for (MultiplierFormat f : List.of(U8, S8, MultiplierFormat.of(4, Signedness.SIGNED),
        MultiplierFormat.of(3, Signedness.UNSIGNED))) {
      int[] p = ProductTable.exact(f).toArray();
      for (int i = 0; i < p.length; i++) {
        if (r.nextInt(4) == 0) {
          p[i] += r.nextInt(-300, 300);
        }
      }
      ProductTable t = ProductTable.of(f, p);
      assertClose(bruteForce(t), ErrorMetrics.of(t), f.toString());
    }
  }

  @Test
  void pointMassGivesThatPairsError() {
    SplittableRandom r = new SplittableRandom(9);
    int[] p = ProductTable.exact(S8).toArray();
    for (int i = 0; i < p.length; i++) {
      p[i] += r.nextInt(-50, 50);
    }
    ProductTable t = ProductTable.of(S8, p);
    int index = S8.index(-17, 93);
    double x = -17 * 93;
    double e = t.atIndex(index) - x;
    ErrorMetrics m = ErrorMetrics.of(t, OperandDistribution.pointMass(S8, index));
    assertEquals(e, m.meanError());
    assertEquals(Math.abs(e), m.mae());
    assertEquals(e * e, m.mse());
    assertEquals(Math.abs(e), m.wce());
    assertEquals(Math.abs(e) / Math.abs(x), m.mre(), 1e-15);
    assertEquals(Math.abs(e) / Math.abs(x), m.wcre(), 1e-15);
    assertEquals(e != 0 ? 1.0 : 0.0, m.errorProbability());
  }

  @Test
  void uniformWeightsEqualUnweighted() {
    SplittableRandom r = new SplittableRandom(3);
    int[] p = ProductTable.exact(U8).toArray();
    for (int i = 0; i < p.length; i++) {
      p[i] -= r.nextInt(0, 64);
    }
    ProductTable t = ProductTable.of(U8, p);
    assertClose(ErrorMetrics.of(t), ErrorMetrics.of(t, OperandDistribution.uniform(U8)), "uniform");
  }

  @Test
  void weightsShiftTheMeanTowardsLikelyPairs() {
    // Errors only where a >= 128; a distribution that never draws such activations sees none.
    int[] p = ProductTable.exact(U8).toArray();
    for (int i = 128 << 8; i < p.length; i++) {
      p[i] += 1;
    }
    ProductTable t = ProductTable.of(U8, p);
    double[] act = new double[256];
    java.util.Arrays.fill(act, 0, 128, 1.0);
    double[] wgt = new double[256];
    java.util.Arrays.fill(wgt, 1.0);
    ErrorMetrics low = ErrorMetrics.of(t, OperandDistribution.independent(U8, act, wgt));
    assertEquals(0.0, low.mae());
    assertEquals(0.0, low.wce());
    assertEquals(0.5, ErrorMetrics.of(t).errorProbability(), 1e-15);
  }

  @Test
  void rejectsDistributionOfAnotherFormat() {
    assertThrows(IllegalArgumentException.class,
        () -> ErrorMetrics.of(ProductTable.exact(U8), OperandDistribution.uniform(S8)));
  }

  @Test
  void constructorRejectsInvalidValues() {
    assertThrows(IllegalArgumentException.class, () -> new ErrorMetrics(0, -1, 0, 0, 0, 0, 0, 0, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new ErrorMetrics(2, 1, 1, 1, 0, 0, 0, 0, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new ErrorMetrics(0, 0, 0, 0, 0, 0, 1.5, 0, 0, 0));
    assertThrows(IllegalArgumentException.class,
        () -> new ErrorMetrics(0, Double.NaN, 0, 0, 0, 0, 0, 0, 0, 0));
  }

  /** Metrics by enumerating operand values, collecting errors in lists, then reducing. */
  private static ErrorMetrics bruteForce(ProductTable t) {
    MultiplierFormat f = t.format();
    List<Long> errors = new ArrayList<>();
    List<Double> relatives = new ArrayList<>();
    long maxAbs = 0;
    long lo = Long.MAX_VALUE;
    long hi = Long.MIN_VALUE;
    for (int a = f.minActivation(); a <= f.maxActivation(); a++) {
      for (int w = f.minWeight(); w <= f.maxWeight(); w++) {
        long x = (long) a * w;
        long e = t.product(a, w) - x;
        errors.add(e);
        if (x != 0) {
          relatives.add(Math.abs(e) / (double) Math.abs(x));
        }
        maxAbs = Math.max(maxAbs, Math.abs(x));
        lo = Math.min(lo, x);
        hi = Math.max(hi, x);
      }
    }
    double n = errors.size();
    double mean = errors.stream().mapToLong(Long::longValue).sum() / n;
    double mae = errors.stream().mapToLong(Math::abs).sum() / n;
    double mse = errors.stream().mapToDouble(e -> (double) e * e).sum() / n;
    double wce = errors.stream().mapToLong(Math::abs).max().orElseThrow();
    double ep = errors.stream().filter(e -> e != 0).count() / n;
    double mre = relatives.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    double wcre = relatives.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    double range = f.signedness() == Signedness.SIGNED ? hi - lo : Math.pow(2, f.productBits()) - 1;
    return new ErrorMetrics(mean, mae, mse, wce, mre, wcre, ep, mae / maxAbs, 100 * mae / range,
        100 * wce / range);
  }

  private static void assertClose(ErrorMetrics want, ErrorMetrics got, String label) {
    double[] w = {want.meanError(), want.mae(), want.mse(), want.wce(), want.mre(), want.wcre(),
        want.errorProbability(), want.nmed(), want.maePercent(), want.wcePercent()};
    double[] g = {got.meanError(), got.mae(), got.mse(), got.wce(), got.mre(), got.wcre(),
        got.errorProbability(), got.nmed(), got.maePercent(), got.wcePercent()};
    for (int i = 0; i < w.length; i++) {
      assertEquals(w[i], g[i], 1e-12 * Math.max(1, Math.abs(w[i])), label + " field " + i);
    }
  }
}
