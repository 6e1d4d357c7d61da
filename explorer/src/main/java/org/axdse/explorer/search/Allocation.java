package org.axdse.explorer.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Lagrangian allocation of designs to layers from one-layer figures (the seeds of {@code search --init
 * allocation}). Each layer offers options, each with the energy it saves and the loss it causes when it is the
 * only approximate layer. If savings and losses added over layers, the assignments minimising {@code -saving +
 * lambda * loss} for some {@code lambda >= 0} would be the best trade-offs; they are what this class lists. Per
 * layer, only the options on the upper concave hull of (loss, saving) can be chosen for some {@code lambda}; each
 * hull segment has a slope (saving gained per loss added). Starting from every layer's least-loss option (the
 * largest saving among equal losses), the hull segments of all layers are taken in order of falling slope (ties:
 * lower layer first, then nearer segment first), one per step. Every state of that path minimises the Lagrangian
 * for the lambdas between its neighbours' slopes (the classical greedy solution of a separable convex problem,
 * e.g. Shoham and Gersho, "Efficient bit allocation for an arbitrary set of quantizers", IEEE TASSP 36(9), 1988).
 * Pure and deterministic.
 */
final class Allocation {
  private Allocation() {}

  /** One choice of a layer: its index in the layer's list, the energy it saves and the loss it causes. */
  record Option(int index, double saving, double loss) {
    Option {
      if (!Double.isFinite(saving) || !(loss >= 0) || Double.isInfinite(loss)) {
        throw new IllegalArgumentException("option " + index + ": saving " + saving + ", loss " + loss);
      }
    }
  }

  /** One state of the path: every layer's chosen index, with the summed saving and loss. */
  record State(int[] choice, double saving, double loss) {}

  /**
   * The path from least loss to most saving: the first state takes every layer's least-loss option, each next
   * state moves one layer one step along its hull. {@code layers} holds every layer's options (at least one each).
   */
  static List<State> path(List<List<Option>> layers) {
    List<List<Option>> hulls = new ArrayList<>();
    List<double[]> segments = new ArrayList<>(); // {slope, layer, step}
    for (int l = 0; l < layers.size(); l++) {
      List<Option> hull = hull(layers.get(l));
      hulls.add(hull);
      for (int k = 1; k < hull.size(); k++) {
        Option a = hull.get(k - 1);
        Option b = hull.get(k);
        segments.add(new double[] {(b.saving() - a.saving()) / (b.loss() - a.loss()), l, k});
      }
    }
    segments.sort(Comparator.<double[]>comparingDouble(s -> -s[0]).thenComparingDouble(s -> s[1])
        .thenComparingDouble(s -> s[2]));
    int[] at = new int[layers.size()];
    List<State> out = new ArrayList<>();
    out.add(state(hulls, at));
    for (double[] s : segments) {
      at[(int) s[1]] = (int) s[2];
      out.add(state(hulls, at));
    }
    return out;
  }

  /**
   * At most {@code count} distinct states of {@code path}: the first, then for summed losses spaced geometrically
   * from the least positive one to the largest (losses span orders of magnitude, and accuracy falls with their
   * logarithm more evenly than with the losses), the state of most saving within each.
   */
  static List<State> spread(List<State> path, int count) {
    List<State> out = new ArrayList<>();
    if (count <= 0 || path.isEmpty()) {
      return out;
    }
    out.add(path.get(0));
    int firstPositive = 0;
    while (firstPositive < path.size() && !(path.get(firstPositive).loss() > 0)) {
      firstPositive++;
    }
    if (count == 1 || firstPositive == path.size()) {
      return out;
    }
    double lo = path.get(firstPositive).loss();
    double hi = path.get(path.size() - 1).loss();
    int steps = count - 1;
    int last = 0;
    for (int i = 0; i < steps; i++) {
      double target = steps == 1 ? hi : lo * Math.pow(hi / lo, (double) i / (steps - 1));
      int k = last;
      while (k + 1 < path.size() && path.get(k + 1).loss() <= target * (1 + 1e-12)) {
        k++;
      }
      if (k != last) {
        out.add(path.get(k));
        last = k;
      }
    }
    return out;
  }

  /**
   * The options of the upper concave hull of (loss, saving), by rising loss and strictly rising saving: the
   * options some {@code lambda >= 0} can choose.
   */
  static List<Option> hull(List<Option> options) {
    if (options.isEmpty()) {
      throw new IllegalArgumentException("a layer without options");
    }
    List<Option> sorted = new ArrayList<>(options);
    sorted.sort(Comparator.comparingDouble(Option::loss).thenComparingDouble(o -> -o.saving())
        .thenComparingInt(Option::index));
    List<Option> hull = new ArrayList<>();
    for (Option o : sorted) {
      if (!hull.isEmpty() && o.saving() <= hull.get(hull.size() - 1).saving()) {
        continue; // no more saving for at least as much loss
      }
      while (hull.size() >= 2 && !convex(hull.get(hull.size() - 2), hull.get(hull.size() - 1), o)) {
        hull.remove(hull.size() - 1);
      }
      hull.add(o);
    }
    return hull;
  }

  /** True when {@code b} lies strictly above the chord from {@code a} to {@code c}. */
  private static boolean convex(Option a, Option b, Option c) {
    return (b.saving() - a.saving()) * (c.loss() - a.loss()) > (c.saving() - a.saving()) * (b.loss() - a.loss());
  }

  private static State state(List<List<Option>> hulls, int[] at) {
    int[] choice = new int[at.length];
    double saving = 0;
    double loss = 0;
    for (int l = 0; l < at.length; l++) {
      Option o = hulls.get(l).get(at[l]);
      choice[l] = o.index();
      saving += o.saving();
      loss += o.loss();
    }
    return new State(choice, saving, loss);
  }
}
