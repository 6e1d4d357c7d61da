package org.axdse.simulator.kernels;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axdse.multipliers.table.MultiplierFormat;

/**
 * A {@link BilinearForm} compiled for {@link BilinearKernel}: a weight shift ({@link ShiftedWeights}) that moves
 * as many pair coefficients as it can into the exact GEMM, the nonzero pair coefficients left, grouped by value
 * (the popcounts of a group are summed before one multiply; a truncated design's {@code 2^(i + j)} gives one group
 * per diagonal), and the activation planes it reads. Immutable.
 */
final class BilinearTerms {
  private final BilinearForm form;
  private final int[] shiftOrNull;
  private final int planeMask;
  private final int alphaMask;
  private final int[] groupCoef;
  private final int[] groupStart;
  private final int[] pairA;
  private final int[] pairW;

  private BilinearTerms(BilinearForm form) {
    this.form = form;
    int[] shift = weightShift(form);
    this.shiftOrNull = java.util.Arrays.stream(shift).allMatch(d -> d == 0) ? null : shift;
    int[] coef = residual(form, shift);
    this.planeMask = planeMask(form.alpha(), coef);
    this.alphaMask = planeMask(form.alpha(), new int[coef.length]);
    Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
    for (int p = 0; p < coef.length; p++) {
      if (coef[p] != 0) {
        groups.computeIfAbsent(coef[p], c -> new ArrayList<>()).add(p);
      }
    }
    groupCoef = new int[groups.size()];
    groupStart = new int[groups.size() + 1];
    int pairs = 0;
    for (int c : coef) {
      pairs += c != 0 ? 1 : 0;
    }
    pairA = new int[pairs];
    pairW = new int[pairs];
    int g = 0;
    int at = 0;
    for (Map.Entry<Integer, List<Integer>> e : groups.entrySet()) {
      groupCoef[g] = e.getKey();
      groupStart[g] = at;
      for (int p : e.getValue()) {
        pairA[at] = p / 8;
        pairW[at] = p % 8;
        at++;
      }
      g++;
    }
    groupStart[g] = at;
  }

  /** The place value of activation bit i: {@code 2^i}, and {@code -128} for the sign bit of a signed code. */
  static int placeValue(MultiplierFormat f, int i) {
    return f.signed() && i == 7 ? -128 : 1 << i;
  }

  /**
   * Per weight bit j the shift {@code d_j} that zeroes the most pair coefficients {@code c_ij - u_i d_j} (0 when
   * none does better than 0), or all zeros when the shifted weights would make float32 chunks too short.
   */
  static int[] weightShift(BilinearForm form) {
    MultiplierFormat f = form.format();
    int[] coef = form.coef();
    int[] d = new int[f.weightBits()];
    for (int j = 0; j < d.length; j++) {
      int best = nonzeros(coef, f, j, 0);
      for (int i = 0; i < 8; i++) {
        int u = placeValue(f, i);
        int c = coef[i * 8 + j];
        if (c != 0 && c % u == 0) {
          int z = nonzeros(coef, f, j, c / u);
          if (z < best) {
            best = z;
            d[j] = c / u;
          }
        }
      }
    }
    return ShiftedWeights.chunk(f, d) >= FloatExactKernel.MIN_CHUNK * 8 ? d : new int[d.length];
  }

  private static int nonzeros(int[] coef, MultiplierFormat f, int j, int d) {
    int z = 0;
    for (int i = 0; i < 8; i++) {
      z += (long) coef[i * 8 + j] - (long) placeValue(f, i) * d != 0 ? 1 : 0;
    }
    return z;
  }

  /** The pair coefficients left after the shift: {@code c_ij - u_i d_j}. */
  static int[] residual(BilinearForm form, int[] d) {
    int[] coef = form.coef();
    for (int i = 0; i < 8; i++) {
      for (int j = 0; j < d.length; j++) {
        coef[i * 8 + j] -= placeValue(form.format(), i) * d[j];
      }
    }
    return coef;
  }

  private static int planeMask(int[] alpha, int[] coef) {
    int mask = 0;
    for (int p = 0; p < coef.length; p++) {
      mask |= coef[p] != 0 ? 1 << (p / 8) : 0;
    }
    for (int i = 0; i < alpha.length; i++) {
      mask |= alpha[i] != 0 ? 1 << i : 0;
    }
    return mask;
  }

  /** The compiled terms of {@code form}. */
  static BilinearTerms of(BilinearForm form) {
    return new BilinearTerms(form);
  }

  BilinearForm form() {
    return form;
  }

  /** The weight shift {@code d} (see {@link ShiftedWeights}; not to be modified), or null when it is zero. */
  int[] shift() {
    return shiftOrNull;
  }

  /** The number of pair coefficients left after the shift: the popcount terms per 64 k. */
  int pairs() {
    return pairA.length;
  }

  /** The activation bits whose planes the kernel reads: bits with a residual pair or a linear term. */
  int planeMask() {
    return planeMask;
  }

  /** The activation bits with a nonzero linear coefficient: the planes whose counts the kernel needs. */
  int alphaMask() {
    return alphaMask;
  }

  int groups() {
    return groupCoef.length;
  }

  int groupCoef(int g) {
    return groupCoef[g];
  }

  /** Pairs of group g are {@code [groupStart(g), groupStart(g + 1))}. */
  int groupStart(int g) {
    return groupStart[g];
  }

  /** The activation bit of pair p. */
  int pairA(int p) {
    return pairA[p];
  }

  /** The weight bit of pair p. */
  int pairW(int p) {
    return pairW[p];
  }
}
