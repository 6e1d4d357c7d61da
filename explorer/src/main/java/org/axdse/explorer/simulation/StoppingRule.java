package org.axdse.explorer.simulation;

/**
 * The sequential test of early stopping: is a candidate's final screening accuracy, with high confidence, below
 * what it needs to enter the archive? Paired with the exact network on the same images, the screening set splits
 * into W images the exact network gets wrong (where a candidate can only gain) and R it gets right (where it can
 * only lose). Its final correct count is {@code C_exact + K+ - K-}, with K+ of the W images gained and K- of the R
 * lost. A look has seen {@code nW} and {@code nR} images drawn without replacement (a fixed random order within
 * each stratum), gaining {@code x+} and losing {@code x-}; then X+ ~ Hypergeometric(W, K+, nW) and X- ~
 * Hypergeometric(R, K-, nR), independent. The null hypothesis "the candidate can still enter", {@code K+ - K- >=
 * t}, is rejected when
 *
 * <pre>
 *   p = max over K+ - K- = t of P(X+ - X- <= x+ - x-) <= alpha
 * </pre>
 *
 * (the maximum over the null lies on its boundary: more gains or fewer losses only make small differences rarer).
 * With {@code alpha} split evenly over the looks (Bonferroni), a candidate that would enter is stopped with
 * probability at most the total alpha, over the random order of the screening images.
 */
final class StoppingRule {
  private final int w;
  private final int r;
  private final double[] logFactorial;

  /** The rule for a screening set of {@code w} images the exact network gets wrong and {@code r} right. */
  StoppingRule(int w, int r) {
    if (w < 0 || r < 0) {
      throw new IllegalArgumentException("stratum sizes must be >= 0: " + w + ", " + r);
    }
    this.w = w;
    this.r = r;
    this.logFactorial = new double[w + r + 2];
    for (int i = 1; i < logFactorial.length; i++) {
      logFactorial[i] = logFactorial[i - 1] + Math.log(i);
    }
  }

  /**
   * The p-value of the observation ({@code xPlus} gained of {@code nW}, {@code xMinus} lost of {@code nR}) under
   * "K+ - K- >= t"; 0 when no population of the null fits the observation at all.
   */
  double pValue(int nW, int nR, int xPlus, int xMinus, int t) {
    if (nW > w || nR > r || xPlus > nW || xMinus > nR || xPlus < 0 || xMinus < 0) {
      throw new IllegalArgumentException("observation outside the strata");
    }
    int s = xPlus - xMinus;
    double best = 0;
    for (int kPlus = Math.max(0, t); kPlus <= w; kPlus++) {
      int kMinus = Math.min(r, kPlus - t);
      if (kMinus < 0) {
        continue;
      }
      best = Math.max(best, probabilityAtMost(nW, nR, kPlus, kMinus, s));
    }
    return best;
  }

  /** P(X+ - X- <= s) for K+ = {@code kPlus}, K- = {@code kMinus}: the sum over a of P(X+ = a) P(X- >= a - s). */
  private double probabilityAtMost(int nW, int nR, int kPlus, int kMinus, int s) {
    double[] tail = new double[nR + 2];
    for (int x = nR; x >= 0; x--) {
      tail[x] = tail[x + 1] + hypergeometric(r, kMinus, nR, x);
    }
    double p = 0;
    for (int a = Math.max(0, nW - (w - kPlus)); a <= Math.min(nW, kPlus); a++) {
      int b = a - s;
      p += hypergeometric(w, kPlus, nW, a) * (b <= 0 ? tail[0] : b > nR ? 0 : tail[b]);
    }
    return Math.min(1, p);
  }

  private double hypergeometric(int population, int successes, int draws, int x) {
    if (x < 0 || x > successes || draws - x > population - successes || x > draws) {
      return 0;
    }
    return Math.exp(logChoose(successes, x) + logChoose(population - successes, draws - x)
        - logChoose(population, draws));
  }

  private double logChoose(int n, int k) {
    return logFactorial[n] - logFactorial[k] - logFactorial[n - k];
  }
}
