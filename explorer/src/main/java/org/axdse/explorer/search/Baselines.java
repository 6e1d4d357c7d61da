package org.axdse.explorer.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntSupplier;
import org.axdse.explorer.backend.CandidateResult;
import org.axdse.explorer.backend.Fidelity;
import org.axdse.explorer.encoding.ApproximableLayer;
import org.axdse.explorer.encoding.GenomeCodec;
import org.axdse.results.run.EvaluatedPoint;

/**
 * The comparison methods, each spending at most the search's evaluation budget N (its number of distinct
 * screening evaluations) and each deterministic for a seed:
 *
 * <ul>
 *   <li>{@code uniform}: every multiplier some layer allows, on every layer that allows it (the others on their
 *       first allowed multiplier), including the all-exact assignment;
 *   <li>{@code random}: N distinct genomes drawn uniformly, gene by gene, from a generator seeded with the run's
 *       seed;
 *   <li>{@code greedy}: layers are ranked by the screening accuracy lost when each alone uses its cheapest
 *       multiplier; then, for accuracy tolerances of 0.5, 1, 2, 4, 8, 16, 32 and 100 points (capped at {@code
 *       --max-accuracy-drop}), starting from all-exact, each layer in turn, least sensitive first, takes the
 *       cheapest (least relative power) multiplier that keeps accuracy within the tolerance of the exact
 *       network's, until N evaluations are spent.
 * </ul>
 */
final class Baselines {
  private static final double[] TOLERANCES = {0.5, 1, 2, 4, 8, 16, 32, 100};
  private static final long RANDOM_STREAM = 0x7A5D_0000_0000_0001L;

  private final GenomeCodec codec;
  private final EvaluationCache cache;
  private final Scorer scorer;
  private final IntSupplier nextId;
  private final int batchSize;

  Baselines(GenomeCodec codec, EvaluationCache cache, Scorer scorer, IntSupplier nextId, int batchSize) {
    this.codec = codec;
    this.cache = cache;
    this.scorer = scorer;
    this.nextId = nextId;
    this.batchSize = batchSize;
  }

  List<EvaluatedPoint> uniform() {
    List<int[]> genomes = new ArrayList<>();
    for (String m : codec.space().usedMultipliers()) {
      int[] g = codec.uniform(m);
      if (genomes.stream().noneMatch(x -> Arrays.equals(x, g))) {
        genomes.add(g);
      }
    }
    return points(genomes);
  }

  List<EvaluatedPoint> random(int budget, long seed) {
    SplittableRandom rnd = Nsga2.random(seed, RANDOM_STREAM);
    Set<GenomeKey> seen = new HashSet<>();
    List<int[]> genomes = new ArrayList<>();
    for (int attempt = 0; genomes.size() < budget && attempt < 20 * budget; attempt++) {
      int[] g = new int[codec.length()];
      for (int i = 0; i < g.length; i++) {
        g[i] = rnd.nextInt(codec.options(i));
      }
      if (seen.add(new GenomeKey(g))) {
        genomes.add(g);
      }
    }
    List<EvaluatedPoint> out = new ArrayList<>();
    for (int from = 0; from < genomes.size(); from += batchSize) {
      out.addAll(points(genomes.subList(from, Math.min(genomes.size(), from + batchSize))));
    }
    return out;
  }

  List<EvaluatedPoint> greedy(int budget, double referenceAccuracy, double maxDropPoints) {
    Greedy run = new Greedy(budget);
    int[] base = codec.allExact();
    run.evaluate(List.of(base));
    int layers = codec.space().layers().size();
    List<int[]> probes = new ArrayList<>();
    List<Integer> probed = new ArrayList<>();
    for (int l = 0; l < layers; l++) {
      List<String> byPower = byPower(codec.space().layers().get(l));
      if (!byPower.get(0).equals(codec.space().exactMultiplier())) {
        probes.add(codec.withLayer(base, l, byPower.get(0)));
        probed.add(l);
      }
    }
    List<CandidateResult> sensitivity = run.evaluate(probes);
    Integer[] order = probed.toArray(new Integer[0]);
    double[] drop = new double[layers];
    for (int k = 0; k < probed.size(); k++) {
      drop[probed.get(k)] = sensitivity.get(k) == null ? Double.MAX_VALUE
          : referenceAccuracy - sensitivity.get(k).accuracy();
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer l) -> drop[l]).thenComparingInt(l -> l));
    for (double t : tolerances(maxDropPoints)) {
      int[] state = base;
      for (int l : order) {
        if (run.exhausted()) {
          return run.points;
        }
        ApproximableLayer layer = codec.space().layers().get(l);
        double current = codec.space().multiplier(codec.channelMultipliers(state, l).get(0)).relativePower();
        List<String> cheaper = byPower(layer).stream()
            .filter(m -> codec.space().multiplier(m).relativePower() < current).toList();
        List<int[]> tries = new ArrayList<>();
        for (String m : cheaper) {
          tries.add(codec.withLayer(state, l, m));
        }
        List<CandidateResult> results = run.evaluate(tries);
        for (int k = 0; k < tries.size(); k++) {
          if (results.get(k) != null && results.get(k).accuracy() >= referenceAccuracy - t / 100 - 1e-12) {
            state = tries.get(k);
            break;
          }
        }
      }
    }
    return run.points;
  }

  private static double[] tolerances(double maxDropPoints) {
    if (Double.isNaN(maxDropPoints)) {
      return TOLERANCES;
    }
    double[] below = Arrays.stream(TOLERANCES).filter(t -> t < maxDropPoints).toArray();
    double[] out = Arrays.copyOf(below, below.length + 1);
    out[below.length] = maxDropPoints;
    return out;
  }

  private List<String> byPower(ApproximableLayer layer) {
    return layer.allowed().stream()
        .sorted(Comparator.comparingDouble((String m) -> codec.space().multiplier(m).relativePower())
            .thenComparingInt(layer.allowed()::indexOf))
        .toList();
  }

  private List<EvaluatedPoint> points(List<int[]> genomes) {
    List<CandidateResult> results = cache.evaluate(genomes, Fidelity.SCREENING, codec::assignment);
    List<EvaluatedPoint> out = new ArrayList<>();
    for (int i = 0; i < genomes.size(); i++) {
      out.add(scorer.point(nextId.getAsInt(), 0, genomes.get(i), results.get(i)));
    }
    return out;
  }

  /** Greedy's bookkeeping: distinct genomes evaluated, their points, and the budget left. */
  private final class Greedy {
    private final int budget;
    private final Set<GenomeKey> seen = new HashSet<>();
    private final List<EvaluatedPoint> points = new ArrayList<>();

    Greedy(int budget) {
      this.budget = Math.max(1, budget);
    }

    boolean exhausted() {
      return seen.size() >= budget;
    }

    /** Results of the genomes in order; null for those beyond the budget, which are not evaluated. */
    List<CandidateResult> evaluate(List<int[]> genomes) {
      List<int[]> affordable = new ArrayList<>();
      Set<GenomeKey> fresh = new HashSet<>();
      for (int[] g : genomes) {
        GenomeKey k = new GenomeKey(g);
        boolean known = seen.contains(k) || fresh.contains(k);
        if (known || seen.size() + fresh.size() < budget) {
          fresh.add(k);
          affordable.add(g);
        } else {
          break;
        }
      }
      List<CandidateResult> results = cache.evaluate(affordable, Fidelity.SCREENING, codec::assignment);
      List<CandidateResult> out = new ArrayList<>(genomes.size());
      for (int i = 0; i < genomes.size(); i++) {
        if (i >= affordable.size()) {
          out.add(null);
          continue;
        }
        if (seen.add(new GenomeKey(affordable.get(i)))) {
          points.add(scorer.point(nextId.getAsInt(), 0, affordable.get(i), results.get(i)));
        }
        out.add(results.get(i));
      }
      return out;
    }
  }
}
