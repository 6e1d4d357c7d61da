package org.axdse.simulator.engine;

/**
 * Top-k decisions from one sample's scores: the top-1 class is the first highest score; the label is within the
 * top k when fewer than k classes rank before it (a higher score, or an equal score at a lower index). The same
 * tie rule for float logits and for codes keeps results deterministic.
 */
public final class Predictions {
  private Predictions() {}

  public static int top1(byte[] codes, int off, int n, boolean signed) {
    int best = 0;
    int bestValue = value(codes[off], signed);
    for (int c = 1; c < n; c++) {
      int v = value(codes[off + c], signed);
      if (v > bestValue) {
        best = c;
        bestValue = v;
      }
    }
    return best;
  }

  static boolean inTopK(byte[] codes, int off, int n, boolean signed, int label, int k) {
    int target = value(codes[off + label], signed);
    int before = 0;
    for (int c = 0; c < n; c++) {
      int v = value(codes[off + c], signed);
      if (v > target || (v == target && c < label)) {
        before++;
      }
    }
    return before < k;
  }

  /** The first class with the highest score among {@code scores[off..off+n)}. */
  public static int top1(float[] scores, int off, int n) {
    int best = 0;
    for (int c = 1; c < n; c++) {
      if (scores[off + c] > scores[off + best]) {
        best = c;
      }
    }
    return best;
  }

  static boolean inTopK(float[] scores, int off, int n, int label, int k) {
    float target = scores[off + label];
    int before = 0;
    for (int c = 0; c < n; c++) {
      float v = scores[off + c];
      if (v > target || (v == target && c < label)) {
        before++;
      }
    }
    return before < k;
  }

  private static int value(byte b, boolean signed) {
    return signed ? b : b & 0xFF;
  }
}
