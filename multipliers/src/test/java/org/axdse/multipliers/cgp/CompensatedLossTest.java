package org.axdse.multipliers.cgp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axdse.multipliers.Multiplier;
import org.axdse.multipliers.library.BuiltinLibrary;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.OperandDistribution;
import org.axdse.multipliers.table.ProductTable;
import org.junit.jupiter.api.Test;

class CompensatedLossTest {
  /** A made-up response: power laws of different exponents, so each part is visible in the score. */
  static final LayerResponse RESPONSE = new LayerResponse() {
    @Override
    public double noise(double ratio) {
      return 5 * Math.pow(ratio, 1.3);
    }

    @Override
    public double loss(double share) {
      return 11 * share * share;
    }

    @Override
    public double offset(double ratio) {
      return 3 * ratio;
    }
  };

  /** A small layer: activation counts, weight codes per (channel, position), signals. */
  record Layer(MultiplierFormat format, long[] counts, int za, int qmin, int qmax, int[][] codes, double[] signal) {
    static Layer random(MultiplierFormat f, int za, long seed) {
      SplittableRandom r = new SplittableRandom(seed);
      long[] counts = new long[256];
      counts[za & 0xff] = 40;
      for (int i = 0; i < 14; i++) {
        counts[r.nextInt(256)] += 1 + r.nextInt(30);
      }
      int qmin = f.signed() ? -127 : 0;
      int qmax = f.signed() ? 127 : 255;
      int[][] codes = new int[4][6];
      double[] signal = new double[4];
      for (int o = 0; o < codes.length; o++) {
        for (int k = 0; k < codes[o].length; k++) {
          codes[o][k] = qmin + r.nextInt(qmax - qmin + 1);
        }
        signal[o] = 1e4 * (1 + r.nextInt(50));
      }
      return new Layer(f, counts, za, qmin, qmax, codes, signal);
    }

    CompensatedLoss loss(boolean tune) {
      int[][] hist = new int[codes.length][qmax - qmin + 1];
      for (int o = 0; o < codes.length; o++) {
        for (int w : codes[o]) {
          hist[o][w - qmin]++;
        }
      }
      return new CompensatedLoss(format, counts, za, qmin, qmax, hist, signal, RESPONSE, tune);
    }
  }

  /**
   * Brute force over the layer's channels and positions, straight from the definitions: each position's code tuned
   * by trying every code of the range, its product error's moments under the activation counts, bias correction
   * rounding each channel's mean, the ratios and the response.
   */
  static CompensatedLoss.Figures bruteForce(Layer l, ProductTable t, boolean tune) {
    MultiplierFormat f = l.format();
    double total = 0;
    for (long c : l.counts()) {
      total += c;
    }
    double rest = 0;
    double gain2 = 0;
    double meanPart = 0;
    double nsr = 0;
    for (int o = 0; o < l.codes().length; o++) {
      double mean = 0;
      double var = 0;
      double cov = 0;
      double sig = 0;
      for (int w : l.codes()[o]) {
        int u = w;
        if (tune) {
          double best = tuningCost(l, t, w, w);
          for (int c = l.qmin(); c <= l.qmax(); c++) {
            double cost = tuningCost(l, t, w, c);
            if (c != w && cost < best) {
              best = cost;
              u = c;
            }
          }
        }
        double e1 = 0;
        double e2 = 0;
        double ae = 0;
        double a1 = 0;
        double a2 = 0;
        for (int code = 0; code < 256; code++) {
          if (l.counts()[code] > 0) {
            double p = l.counts()[code] / total;
            int a = f.activationAt(code << f.weightBits());
            double e = t.product(a, u) - (double) a * w - (double) l.za() * (u - w);
            e1 += p * e;
            e2 += p * e * e;
            ae += p * a * e;
            a1 += p * a;
            a2 += p * a * (double) a;
          }
        }
        mean += e1;
        var += e2 - e1 * e1;
        cov += w * (ae - a1 * e1);
        sig += (double) w * w * (a2 - a1 * a1);
      }
      double g = sig > 0 ? cov / sig : 0;
      double residual = mean - Math.signum(mean) * Math.floor(Math.abs(mean) + 0.5);
      double s = l.signal()[o];
      rest += Math.max(0, var / s - g * g);
      gain2 += g * g;
      meanPart += residual * residual / s;
      nsr += (var + residual * residual) / s;
    }
    int c = l.codes().length;
    double lost = Math.sqrt(gain2 / c);
    return new CompensatedLoss.Figures(lost, rest / c, meanPart / c, nsr / c,
        RESPONSE.noise(rest / c) + RESPONSE.loss(lost) + RESPONSE.offset(meanPart / c));
  }

  /** {@code sum_a n(a) (T(a, c) - a*w - za*(c - w))^2}, ALWANN's cost of storing {@code w} as {@code c}. */
  private static double tuningCost(Layer l, ProductTable t, int w, int c) {
    MultiplierFormat f = l.format();
    double cost = 0;
    for (int code = 0; code < 256; code++) {
      if (l.counts()[code] > 0) {
        int a = f.activationAt(code << f.weightBits());
        double d = t.product(a, c) - (double) a * w - (double) l.za() * (c - w);
        cost += l.counts()[code] * d * d;
      }
    }
    return cost;
  }

  private static void assertClose(double expected, double actual, String what) {
    assertEquals(expected, actual, 1e-9 * Math.max(1e-12, Math.abs(expected)), what);
  }

  @Test
  void theLossEqualsABruteForceComputationOverTheChannels() {
    String[][] cases = {{"u8x8_trunc10", "7"}, {"u8x8_bam_h4v10", "0"}, {"s8x8_trunc8", "0"},
        {"s8x8_mitchell", "-3"}};
    for (String[] c : cases) {
      Multiplier m = BuiltinLibrary.byName(c[0]).orElseThrow();
      for (boolean tune : new boolean[] {false, true}) {
        Layer l = Layer.random(m.format(), Integer.parseInt(c[1]), 5 + c[0].hashCode());
        CompensatedLoss loss = l.loss(tune);
        CompensatedLoss.Figures got = loss.figures(loss.stimulus().products(m.netlist()));
        CompensatedLoss.Figures want = bruteForce(l, m.table(), tune);
        String what = c[0] + (tune ? " tuned" : " bias only");
        assertClose(want.lost(), got.lost(), what + ": lost signal");
        assertClose(want.rest(), got.rest(), what + ": rest");
        assertClose(want.mean(), got.mean(), what + ": mean part");
        assertClose(want.nsr(), got.nsr(), what + ": nsr");
        assertClose(want.score(), got.score(), what + ": score");
        assertTrue(got.score() > 0, what + " is approximate");
      }
    }
  }

  @Test
  void anExactMultiplierLosesNothingAndTuningHelpsAnApproximateOne() {
    Multiplier exact = BuiltinLibrary.byName("u8x8_exact").orElseThrow();
    Layer l = Layer.random(exact.format(), 7, 3);
    CompensatedLoss loss = l.loss(true);
    assertEquals(0, loss.score(loss.stimulus().products(exact.netlist())), "exact: no loss");
    Multiplier trunc = BuiltinLibrary.byName("u8x8_trunc10").orElseThrow();
    double tuned = loss.score(loss.stimulus().products(trunc.netlist()));
    CompensatedLoss plain = l.loss(false);
    double bias = plain.score(plain.stimulus().products(trunc.netlist()));
    assertTrue(tuned <= bias, "tuning never adds squared error here: " + tuned + " vs " + bias);
  }

  @Test
  void evolutionUnderTheLossIsReproducibleFromItsSeed() {
    Multiplier seed = BuiltinLibrary.byName("u8x8_trunc10").orElseThrow();
    Layer l = Layer.random(seed.format(), 7, 8);
    OperandDistribution d = SupportStimulusTest.layerLike(seed.format(), 4);
    CandidateEvaluator ev = new CandidateEvaluator(d, l.loss(true), 512, 1);
    double bound = 2 * ev.errorOf(seed.netlist());
    Evolution one = run(ev, bound, seed, 17, null);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Evolution two = run(ev, bound, seed, 17, pool);
      assertEquals(one.parent(), two.parent());
      assertEquals(one.parentFitness(), two.parentFitness());
      assertEquals(one.evaluations(), two.evaluations());
    } finally {
      pool.shutdownNow();
    }
    assertTrue(one.parentFitness().feasible(bound));
    assertEquals(ev.errorOf(one.parent().decode("x")), one.parentFitness().error(), "the parent's loss");
    assertNotEquals(one.parent(), run(ev, bound, seed, 18, null).parent(), "another seed, another path");
  }

  private static Evolution run(CandidateEvaluator ev, double bound, Multiplier seed, long s, ExecutorService pool) {
    Evolution e = new Evolution(ev, GenomeMutation.of(5), 4, bound, s, 0,
        EvolutionState.start(CgpGenome.of(seed.netlist(), 4)));
    for (int g = 0; g < 40; g++) {
      e.step(pool);
    }
    return e;
  }
}
