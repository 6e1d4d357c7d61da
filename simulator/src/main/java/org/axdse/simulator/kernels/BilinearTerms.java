package org.axdse.simulator.kernels;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link BilinearForm} compiled for {@link BilinearKernel}: its nonzero pair coefficients grouped by value (the
 * popcounts of a group are summed before one multiply; a truncated design's {@code 2^(i + j)} gives one group per
 * diagonal), and the activation planes it reads. Immutable.
 */
final class BilinearTerms {
  private final BilinearForm form;
  private final int planeMask;
  private final int[] groupCoef;
  private final int[] groupStart;
  private final int[] pairA;
  private final int[] pairW;

  private BilinearTerms(BilinearForm form) {
    this.form = form;
    this.planeMask = form.activationPlanes();
    int[] coef = form.coef();
    Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
    for (int p = 0; p < coef.length; p++) {
      if (coef[p] != 0) {
        groups.computeIfAbsent(coef[p], c -> new ArrayList<>()).add(p);
      }
    }
    groupCoef = new int[groups.size()];
    groupStart = new int[groups.size() + 1];
    int pairs = form.pairs();
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

  /** The compiled terms of {@code form}. */
  static BilinearTerms of(BilinearForm form) {
    return new BilinearTerms(form);
  }

  BilinearForm form() {
    return form;
  }

  /** The activation bits whose planes the kernel reads ({@link BilinearForm#activationPlanes()}). */
  int planeMask() {
    return planeMask;
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
