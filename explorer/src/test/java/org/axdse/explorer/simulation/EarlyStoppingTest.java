package org.axdse.explorer.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.axdse.explorer.backend.CandidateResult;
import org.junit.jupiter.api.Test;

/**
 * The sequential test against brute force, its error rate and power on simulated candidates, and the full
 * result of a candidate that is not stopped.
 */
class EarlyStoppingTest {

  /**
   * The p-value equals, on tiny strata, the maximum over every population of the null (not only its boundary) of
   * P(X+ - X- <= x+ - x-), each probability counted over all subsets drawn.
   */
  @Test
  void pValueIsTheBruteForceMaximumOverTheNull() {
    int w = 3;
    int r = 4;
    StoppingRule rule = new StoppingRule(w, r);
    for (int nW = 0; nW <= w; nW++) {
      for (int nR = 0; nR <= r; nR++) {
        for (int xp = 0; xp <= nW; xp++) {
          for (int xm = 0; xm <= nR; xm++) {
            for (int t = -r - 1; t <= w + 1; t++) {
              double brute = 0;
              for (int kp = 0; kp <= w; kp++) {
                for (int km = 0; km <= r; km++) {
                  if (kp - km >= t) {
                    brute = Math.max(brute, atMost(w, kp, nW, r, km, nR, xp - xm));
                  }
                }
              }
              assertEquals(brute, rule.pValue(nW, nR, xp, xm, t), 1e-12,
                  "nW=" + nW + " nR=" + nR + " x+=" + xp + " x-=" + xm + " t=" + t);
            }
          }
        }
      }
    }
  }

  /** P(X+ - X- <= s), counting all nW-subsets of W items (the first kp gained) and nR-subsets of R (kmm lost). */
  private static double atMost(int w, int kp, int nW, int r, int km, int nR, int s) {
    long hits = 0;
    long all = 0;
    for (int a = 0; a < 1 << w; a++) {
      if (Integer.bitCount(a) != nW) {
        continue;
      }
      int xp = Integer.bitCount(a & ((1 << kp) - 1));
      for (int b = 0; b < 1 << r; b++) {
        if (Integer.bitCount(b) != nR) {
          continue;
        }
        all++;
        hits += xp - Integer.bitCount(b & ((1 << km) - 1)) <= s ? 1 : 0;
      }
    }
    return (double) hits / all;
  }

  /**
   * 300 screening images, 60 the exact network gets wrong: a candidate exactly at the bar (5 gained, 15 lost,
   * needing 10 fewer than exact) is stopped in at most alpha of the orders (plus three standard errors of the
   * 300-order estimate), a hopeless one (60 lost) in nearly all, and a candidate that is not stopped reports
   * its exact correct count.
   */
  @Test
  void errorRateIsWithinAlphaAndHopelessCandidatesStop() {
    int n = 300;
    int[] images = IntStream.range(0, n).toArray();
    boolean[] exact = new boolean[n];
    for (int i = 60; i < n; i++) {
      exact[i] = true;
    }
    int exactCorrect = n - 60;
    double alpha = 0.05;
    double bar = (double) (exactCorrect - 10) / n;
    int trials = 300;
    int stoppedAtBar = 0;
    int stoppedHopeless = 0;
    long seen = 0;
    for (int seed = 0; seed < trials; seed++) {
      EarlyStopping es = new EarlyStopping(images, exact, seed, alpha);
      CandidateResult atBar = es.screen(candidate(exact, 5, 15), costs(), c -> bar);
      if (atBar.stopped()) {
        stoppedAtBar++;
      } else {
        assertEquals((double) (exactCorrect - 10) / n, atBar.accuracy(), "full accuracy of a candidate not stopped");
      }
      CandidateResult hopeless = es.screen(candidate(exact, 0, 60), costs(), c -> bar);
      stoppedHopeless += hopeless.stopped() ? 1 : 0;
      seen += hopeless.stopped() ? hopeless.stoppedAfter() : n;
    }
    double se = Math.sqrt(alpha * (1 - alpha) / trials);
    assertTrue(stoppedAtBar <= trials * (alpha + 3 * se), "stopped at the bar: " + stoppedAtBar + " of " + trials);
    assertTrue(stoppedHopeless >= 0.9 * trials, "hopeless stopped: " + stoppedHopeless + " of " + trials);
    assertTrue(seen < 0.8 * trials * n, "images seen by the hopeless candidate: " + seen);
  }

  @Test
  void aBarAboveOneStopsAtTheFirstLookAndNoBarNever() {
    int n = 500;
    int[] images = IntStream.range(0, n).toArray();
    boolean[] exact = new boolean[n];
    for (int i = 100; i < n; i++) {
      exact[i] = true;
    }
    EarlyStopping es = new EarlyStopping(images, exact, 3, 1e-3);
    CandidateResult r = es.screen(candidate(exact, 0, 0), costs(), c -> 1.5);
    assertTrue(r.stopped() && r.stoppedAfter() == 100, "first look of 100 images: " + r);
    CandidateResult full = es.screen(candidate(exact, 0, 200), costs(), c -> Double.NEGATIVE_INFINITY);
    assertFalse(full.stopped());
    assertEquals(200.0 / n, full.accuracy());
    assertEquals(0, EarlyStopping.neededCount(Double.NEGATIVE_INFINITY, n));
    assertEquals(n + 1, EarlyStopping.neededCount(1.5, n));
    assertEquals(3, EarlyStopping.neededCount(3.0 / n, n), "an archive point's own accuracy is reachable");
  }

  /** A candidate that gains the first {@code gains} exact-wrong images and loses the last {@code losses} right. */
  private static java.util.function.ToIntFunction<int[]> candidate(boolean[] exact, int gains, int losses) {
    boolean[] correct = exact.clone();
    int g = 0;
    for (int i = 0; i < correct.length && g < gains; i++) {
      if (!exact[i]) {
        correct[i] = true;
        g++;
      }
    }
    int l = 0;
    for (int i = correct.length - 1; i >= 0 && l < losses; i--) {
      if (exact[i]) {
        correct[i] = false;
        l++;
      }
    }
    return idx -> (int) IntStream.of(idx).filter(i -> correct[i]).count();
  }

  private static CandidateResult[] costs() {
    return new CandidateResult[] {new CandidateResult(1, 0.5, Double.NaN)};
  }
}
