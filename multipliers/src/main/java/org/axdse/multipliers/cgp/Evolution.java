package org.axdse.multipliers.cgp;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.axdse.multipliers.netlist.Netlist;

/**
 * One (1 + lambda) evolution strategy run of CGP with neutral drift (Miller, 2011; Vasicek and Sekanina, IEEE TEVC
 * 19(3), 2015): each generation makes {@code lambda} mutants of the parent, and the best of them (the first in
 * order among equals) replaces the parent when it is at least as good under the error bound ({@link
 * Fitness#compareUnder}), so equally good circuits drift. A mutant whose active circuit equals the parent's is not
 * re-evaluated. Generation {@code g} draws its mutations from a random stream derived from (seed, run, g) only,
 * so a run is reproducible from its seed, for any thread count, and resumes exactly from any {@link
 * EvolutionState}. Not thread-safe (one run is driven by one thread; mutants are evaluated on {@code pool}).
 */
public final class Evolution {
  private final CandidateEvaluator evaluator;
  private final GenomeMutation mutation;
  private final int lambda;
  private final double threshold;
  private final long seed;
  private final long run;
  private CgpGenome parent;
  private Netlist parentNetlist;
  private Fitness parentFitness;
  private long generation;
  private long evaluations;
  private final ConeSimulator cones;

  /** A run starting from (or resuming) {@code state}; mutants are simulated incrementally (changed cone only). */
  public Evolution(CandidateEvaluator evaluator, GenomeMutation mutation, int lambda, double threshold, long seed,
      long run, EvolutionState state) {
    this(evaluator, mutation, lambda, threshold, seed, run, state, true);
  }

  /**
   * As the seven-argument form; without {@code incremental} every mutant is decoded and simulated whole (same
   * results, slower: for comparison).
   */
  public Evolution(CandidateEvaluator evaluator, GenomeMutation mutation, int lambda, double threshold, long seed,
      long run, EvolutionState state, boolean incremental) {
    if (lambda < 1) {
      throw new IllegalArgumentException("lambda must be >= 1, got " + lambda);
    }
    if (!(threshold >= 0)) {
      throw new IllegalArgumentException("error threshold must be >= 0, got " + threshold);
    }
    this.evaluator = evaluator;
    this.mutation = mutation;
    this.lambda = lambda;
    this.threshold = threshold;
    this.seed = seed;
    this.run = run;
    this.parent = state.parent();
    this.parentNetlist = parent.decode("candidate");
    this.parentFitness = evaluator.evaluate(parentNetlist);
    this.generation = state.generation();
    this.evaluations = state.evaluations();
    this.cones = incremental ? new ConeSimulator(evaluator.error().stimulus(), parent) : null;
  }

  /** One generation; mutants are evaluated on {@code pool} (null: in this thread). */
  public void step(ExecutorService pool) {
    SplittableRandom rng = new SplittableRandom(streamSeed(seed, run, generation));
    List<CgpGenome> mutants = new ArrayList<>(lambda);
    List<Netlist> netlists = new ArrayList<>(lambda);
    for (int i = 0; i < lambda; i++) {
      CgpGenome g = mutation.apply(parent, rng);
      mutants.add(g);
      netlists.add(g.decode("candidate"));
    }
    Fitness[] scores = new Fitness[lambda];
    ConeSimulator.Cone[] simulated = new ConeSimulator.Cone[lambda];
    List<Callable<Fitness>> jobs = new ArrayList<>();
    List<Integer> slots = new ArrayList<>();
    for (int i = 0; i < lambda; i++) {
      if (netlists.get(i).equals(parentNetlist)) {
        scores[i] = parentFitness;
      } else {
        Netlist n = netlists.get(i);
        CgpGenome g = mutants.get(i);
        int slot = i;
        jobs.add(cones == null ? () -> evaluator.evaluate(n) : () -> {
          ConeSimulator.Cone c = cones.simulate(g);
          simulated[slot] = c;
          return evaluator.evaluate(n, c.products());
        });
        slots.add(i);
      }
    }
    List<Fitness> done = run(pool, jobs);
    for (int j = 0; j < done.size(); j++) {
      scores[slots.get(j)] = done.get(j);
    }
    evaluations += jobs.size();
    int best = 0;
    for (int i = 1; i < lambda; i++) {
      if (scores[i].compareUnder(threshold, scores[best]) < 0) {
        best = i;
      }
    }
    if (scores[best].compareUnder(threshold, parentFitness) <= 0) {
      if (cones != null && simulated[best] != null) {
        cones.accept(simulated[best]);
      } else if (cones != null) {
        cones.accept(mutants.get(best));
      }
      parent = mutants.get(best);
      parentNetlist = netlists.get(best);
      parentFitness = scores[best];
    }
    generation++;
  }

  private static List<Fitness> run(ExecutorService pool, List<Callable<Fitness>> jobs) {
    List<Fitness> out = new ArrayList<>(jobs.size());
    try {
      if (pool == null || jobs.size() < 2) {
        for (Callable<Fitness> j : jobs) {
          out.add(j.call());
        }
        return out;
      }
      for (Future<Fitness> f : pool.invokeAll(jobs)) {
        out.add(f.get());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("evolution interrupted", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } catch (Exception e) {
      throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
    }
  }

  /** The seed of generation {@code g}'s stream: SplitMix64 finalisers over (seed, run, g). */
  static long streamSeed(long seed, long run, long g) {
    return mix(mix(mix(seed) ^ run) ^ g);
  }

  private static long mix(long z) {
    z += 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** What a checkpoint must hold to resume this run exactly. */
  public EvolutionState state() {
    return new EvolutionState(parent, generation, evaluations);
  }

  public CgpGenome parent() {
    return parent;
  }

  /** The parent's circuit (active nodes only). */
  public Netlist parentNetlist() {
    return parentNetlist;
  }

  public Fitness parentFitness() {
    return parentFitness;
  }

  public long generation() {
    return generation;
  }

  /** Candidate circuits simulated so far (mutants identical to their parent are not). */
  public long evaluations() {
    return evaluations;
  }

  public double threshold() {
    return threshold;
  }
}
