package org.axdse.explorer.simulation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import org.axdse.explorer.backend.CandidateResult;

/**
 * Screening in looks, stopping a hopeless candidate early (see {@link StoppingRule} for the test). The screening
 * images are split by whether the exact network classifies them correctly, each part put in a fixed random order
 * (seeded by the run's seed), and look k of L evaluates the next images of both parts so that after it the first
 * {@code ceil(k W / L)} of the W exact-wrong and {@code ceil(k R / L)} of the R exact-right images are done (L =
 * ceil(N / {@value #LOOK_IMAGES})). After every look but the last, the candidate stops when the test rejects
 * "it can still reach the bar" at level alpha / (L - 1). A candidate that is not stopped has seen every image, and
 * its accuracy is the full screening accuracy, bit for bit. A stopped one reports the stratified estimate
 * {@code (C_exact + W x+/nW - R x-/nR) / N} and the number of images it saw.
 */
final class EarlyStopping {
  /** Screening images per look. */
  static final int LOOK_IMAGES = 100;

  private final int[] wrong;
  private final int[] right;
  private final int looks;
  private final double alphaPerLook;
  private final StoppingRule rule;

  /**
   * For the screening images {@code screening} of which the exact network gets {@code exactCorrect[i]} right, in
   * orders drawn with {@code seed}, stopping at total level {@code alpha}.
   */
  EarlyStopping(int[] screening, boolean[] exactCorrect, long seed, double alpha) {
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("alpha must be in (0, 1): " + alpha);
    }
    List<Integer> w = new ArrayList<>();
    List<Integer> r = new ArrayList<>();
    for (int i = 0; i < screening.length; i++) {
      (exactCorrect[i] ? r : w).add(screening[i]);
    }
    SplittableRandom rnd = new SplittableRandom(seed ^ 0x5709L);
    this.wrong = shuffled(w, rnd);
    this.right = shuffled(r, rnd);
    this.looks = Math.max(1, (screening.length + LOOK_IMAGES - 1) / LOOK_IMAGES);
    this.alphaPerLook = looks > 1 ? alpha / (looks - 1) : 0;
    this.rule = new StoppingRule(wrong.length, right.length);
  }

  private static int[] shuffled(List<Integer> list, SplittableRandom rnd) {
    int[] a = list.stream().mapToInt(Integer::intValue).toArray();
    for (int i = a.length - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
    return a;
  }

  /** Number of screening images. */
  int size() {
    return wrong.length + right.length;
  }

  /**
   * Screens a candidate: {@code correct} counts the images of an index list it classifies correctly (and fills
   * {@code costs[0]} with its result on the first call, for the bar); {@code bar} gives the accuracy it needs.
   */
  CandidateResult screen(ToIntFunction<int[]> correct, CandidateResult[] costs,
      ToDoubleFunction<CandidateResult> bar) {
    int n = size();
    int exactCorrect = right.length;
    int needed = -1;
    int doneW = 0;
    int doneR = 0;
    int gained = 0;
    int lost = 0;
    for (int k = 1; k <= looks; k++) {
      int toW = (int) Math.ceil((double) k * wrong.length / looks);
      int toR = (int) Math.ceil((double) k * right.length / looks);
      if (toW > doneW) {
        gained += correct.applyAsInt(Arrays.copyOfRange(wrong, doneW, toW));
      }
      if (toR > doneR) {
        int[] part = Arrays.copyOfRange(right, doneR, toR);
        lost += part.length - correct.applyAsInt(part);
      }
      doneW = toW;
      doneR = toR;
      if (needed < 0) {
        needed = neededCount(bar.applyAsDouble(costs[0]), n);
      }
      if (k < looks && rule.pValue(doneW, doneR, gained, lost, needed - exactCorrect) <= alphaPerLook) {
        double estimate = (exactCorrect + (doneW == 0 ? 0 : (double) wrong.length * gained / doneW)
            - (doneR == 0 ? 0 : (double) right.length * lost / doneR)) / n;
        CandidateResult c = costs[0];
        return new CandidateResult(Math.min(1, Math.max(0, estimate)), c.multiplierEnergy(), c.systemEnergy(),
            c.weightMemory(), c.latency(), doneW + doneR);
      }
    }
    CandidateResult c = costs[0];
    return new CandidateResult((double) (exactCorrect + gained - lost) / n, c.multiplierEnergy(),
        c.systemEnergy(), c.weightMemory());
  }

  /** The least correct count K of N with {@code K / N >= required} (the search's comparisons); N + 1 if none. */
  static int neededCount(double required, int n) {
    for (int k = 0; k <= n; k++) {
      if ((double) k / n >= required - 1e-12) {
        return k;
      }
    }
    return n + 1;
  }
}
