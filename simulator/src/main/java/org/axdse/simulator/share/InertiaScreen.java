package org.axdse.simulator.share;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axdse.simulator.model.ApproximableLayer;
import org.axdse.simulator.model.Model;

/**
 * Pre-screening with the inertia proxy, no inference: from every layer at the largest k of a list, repeatedly
 * lower the k of the one layer whose step to the next smaller k in the list adds the least relative inertia per
 * bit of weight memory saved, until every layer is at the smallest k. Each step is one plan on a path from large
 * memory and low proxy to small memory and high proxy; callers evaluate the plans that reach the memory they
 * want. The relative inertia of each (layer, k) is computed once by {@link WeightSharing}. Deterministic: ties go
 * to the earlier layer.
 */
public final class InertiaScreen {
  private final Model model;
  private final ShareGranularity granularity;
  private final int[] ks;
  private final double[][] proxy;
  private final long[][] bits;

  private InertiaScreen(Model model, ShareGranularity granularity, int[] ks, double[][] proxy, long[][] bits) {
    this.model = model;
    this.granularity = granularity;
    this.ks = ks;
    this.proxy = proxy;
    this.bits = bits;
  }

  /**
   * Clusters every approximable layer of {@code model} at every k of {@code ks} (ascending, each at most the
   * group size of every layer), weighted by {@code importance} as {@link WeightSharing} takes it; memory as
   * {@link SharingMemory} counts it.
   */
  public static InertiaScreen of(Model model, ShareGranularity granularity, int[] ks, int weightBits,
      boolean perChannel, int threads, Map<String, InputEnergy.PerWeight> importance) {
    List<ApproximableLayer> layers = model.approximableLayers();
    double[][] proxy = new double[layers.size()][ks.length];
    long[][] bits = new long[layers.size()][ks.length];
    for (int j = 0; j < ks.length; j++) {
      if (j > 0 && ks[j] <= ks[j - 1]) {
        throw new IllegalArgumentException("the k list must be ascending");
      }
      SharedModel s = WeightSharing.apply(model, SharingPlan.uniform(model, granularity, ks[j]), threads,
          importance);
      for (int l = 0; l < layers.size(); l++) {
        proxy[l][j] = s.layers().get(l).relativeInertia();
        bits[l][j] = SharingMemory.layerBits(layers.get(l), granularity, ks[j], weightBits, perChannel);
      }
    }
    return new InertiaScreen(model, granularity, ks, proxy, bits);
  }

  /** The plans of the path, from every layer at the largest k to every layer at the smallest, one step each. */
  public List<SharingPlan> path() {
    int n = proxy.length;
    int[] at = new int[n];
    java.util.Arrays.fill(at, ks.length - 1);
    List<SharingPlan> plans = new ArrayList<>();
    plans.add(plan(at));
    while (true) {
      int best = -1;
      double bestRate = Double.POSITIVE_INFINITY;
      for (int l = 0; l < n; l++) {
        if (at[l] == 0) {
          continue;
        }
        long saved = bits[l][at[l]] - bits[l][at[l] - 1];
        double added = proxy[l][at[l] - 1] - proxy[l][at[l]];
        double rate = saved <= 0 ? Double.POSITIVE_INFINITY : Math.max(0, added) / saved;
        if (best < 0 || rate < bestRate) {
          best = l;
          bestRate = rate;
        }
      }
      if (best < 0) {
        return plans;
      }
      at[best]--;
      plans.add(plan(at));
    }
  }

  /** The proxy of {@code plan} from the per-layer figures (the sum of the layers' relative inertia). */
  public double proxyOf(SharingPlan plan) {
    double sum = 0;
    List<ApproximableLayer> layers = model.approximableLayers();
    for (int l = 0; l < layers.size(); l++) {
      int j = java.util.Arrays.binarySearch(ks, plan.kOf(layers.get(l).name()));
      sum += j >= 0 ? proxy[l][j] : 0;
    }
    return sum;
  }

  private SharingPlan plan(int[] at) {
    Map<String, Integer> k = new LinkedHashMap<>();
    List<ApproximableLayer> layers = model.approximableLayers();
    for (int l = 0; l < layers.size(); l++) {
      k.put(layers.get(l).name(), ks[at[l]]);
    }
    return new SharingPlan(granularity, k);
  }
}
