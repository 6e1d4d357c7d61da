package org.axdse.results.pareto;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fast non-dominated sorting (Deb, Pratap, Agarwal and Meyarivan, "A fast and elitist multiobjective genetic
 * algorithm: NSGA-II", IEEE TEC 6(2), 2002): partitions points into fronts, front 0 being the non-dominated set,
 * front 1 the non-dominated set of the rest, and so on. O(M N^2) time for N points and M objectives.
 */
public final class NonDominatedSorting {
  private NonDominatedSorting() {}

  /** The front index (rank, 0 = non-dominated) of each point; points in minimisation form. */
  public static int[] ranks(double[][] points) {
    int n = points.length;
    int[] dominatedByCount = new int[n];
    List<List<Integer>> dominates = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      dominates.add(new ArrayList<>());
    }
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        int c = Dominance.compare(points[i], points[j]);
        if (c < 0) {
          dominates.get(i).add(j);
          dominatedByCount[j]++;
        } else if (c > 0) {
          dominates.get(j).add(i);
          dominatedByCount[i]++;
        }
      }
    }
    int[] rank = new int[n];
    Arrays.fill(rank, -1);
    List<Integer> current = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (dominatedByCount[i] == 0) {
        current.add(i);
      }
    }
    int front = 0;
    while (!current.isEmpty()) {
      List<Integer> next = new ArrayList<>();
      for (int i : current) {
        rank[i] = front;
        for (int j : dominates.get(i)) {
          if (--dominatedByCount[j] == 0) {
            next.add(j);
          }
        }
      }
      current = next;
      front++;
    }
    return rank;
  }

  /** The indices of the points in each front, front 0 first, each in increasing index order. */
  public static List<int[]> fronts(double[][] points) {
    int[] rank = ranks(points);
    int count = Arrays.stream(rank).max().orElse(-1) + 1;
    List<List<Integer>> lists = new ArrayList<>();
    for (int f = 0; f < count; f++) {
      lists.add(new ArrayList<>());
    }
    for (int i = 0; i < rank.length; i++) {
      lists.get(rank[i]).add(i);
    }
    List<int[]> out = new ArrayList<>(count);
    for (List<Integer> l : lists) {
      out.add(l.stream().mapToInt(Integer::intValue).toArray());
    }
    return out;
  }

  /** The indices of the non-dominated points (front 0) in increasing order. */
  public static int[] nonDominated(double[][] points) {
    List<Integer> keep = new ArrayList<>();
    for (int i = 0; i < points.length; i++) {
      boolean dominated = false;
      for (int j = 0; j < points.length && !dominated; j++) {
        dominated = j != i && Dominance.dominates(points[j], points[i]);
      }
      if (!dominated) {
        keep.add(i);
      }
    }
    return keep.stream().mapToInt(Integer::intValue).toArray();
  }
}
