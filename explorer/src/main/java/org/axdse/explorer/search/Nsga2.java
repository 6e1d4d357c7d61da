package org.axdse.explorer.search;

import io.jenetics.Alterer;
import io.jenetics.Genotype;
import io.jenetics.IntegerChromosome;
import io.jenetics.IntegerGene;
import io.jenetics.MultiPointCrossover;
import io.jenetics.Mutator;
import io.jenetics.Phenotype;
import io.jenetics.TournamentSelector;
import io.jenetics.UniformCrossover;
import io.jenetics.engine.Engine;
import io.jenetics.engine.EvolutionResult;
import io.jenetics.engine.EvolutionStart;
import io.jenetics.ext.moea.NSGA2Selector;
import io.jenetics.ext.moea.Vec;
import io.jenetics.util.Factory;
import io.jenetics.util.ISeq;
import io.jenetics.util.RandomRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.axdse.explorer.encoding.GenomeCodec;

/**
 * NSGA-II on Jenetics (Deb, Pratap, Agarwal and Meyarivan, "A fast and elitist multiobjective genetic algorithm:
 * NSGA-II", IEEE TEC 6(2), 2002), driven one generation at a time so the search can checkpoint between
 * generations. Each generation keeps the best half of the population by non-dominated rank and crowding distance
 * ({@link NSGA2Selector}) and fills the other half with offspring of binary tournaments (Pareto dominance),
 * two-point crossover (rate 0.9; uniform crossover for genomes shorter than 3 genes) and mutation (Jenetics'
 * {@link Mutator} with probability 1/n for n genes: about one gene changed per offspring).
 *
 * <p>Determinism: generation {@code g} runs inside {@link RandomRegistry#with} a {@link SplittableRandom} seeded
 * from {@code (seed, g)}, and the engine's executor runs every step on the calling thread, so the selection and
 * variation of a generation depend only on its input population and {@code (seed, g)}; fitness comes through a
 * batch function whose results do not depend on evaluation order. A resumed run therefore replays exactly.
 */
final class Nsga2 {
  private final GenomeCodec codec;
  private final Engine<IntegerGene, Vec<double[]>> engine;
  private final Factory<Genotype<IntegerGene>> genotypes;

  /**
   * @param fitness the fitness of each raw chromosome of a batch, in order
   */
  Nsga2(GenomeCodec codec, int populationSize, Function<List<int[]>, List<Vec<double[]>>> fitness) {
    this.codec = codec;
    this.genotypes = Genotype.of(IntegerChromosome.of(0, codec.range(), codec.length()));
    this.engine = new Engine.Builder<IntegerGene, Vec<double[]>>(population -> {
      List<int[]> raw = new ArrayList<>();
      population.forEach(p -> {
        if (!p.isEvaluated()) {
          raw.add(raw(p.genotype()));
        }
      });
      List<Vec<double[]>> f = fitness.apply(raw);
      List<Phenotype<IntegerGene, Vec<double[]>>> out = new ArrayList<>(population.size());
      int next = 0;
      for (Phenotype<IntegerGene, Vec<double[]>> p : population) {
        out.add(p.isEvaluated() ? p : p.withFitness(f.get(next++)));
      }
      return ISeq.of(out);
    }, genotypes)
        .populationSize(populationSize)
        .offspringFraction(0.5)
        .offspringSelector(new TournamentSelector<>(2))
        .survivorsSelector(NSGA2Selector.ofVec())
        .alterers(alterer(codec))
        .maximalPhenotypeAge(Integer.MAX_VALUE)
        .executor(Runnable::run)
        .build();
  }

  /** Two-point crossover (rate 0.9; uniform for genomes shorter than 3 genes), then mutation at rate 1/n. */
  static Alterer<IntegerGene, Vec<double[]>> alterer(GenomeCodec codec) {
    Alterer<IntegerGene, Vec<double[]>> crossover = codec.length() >= 3
        ? new MultiPointCrossover<>(0.9, 2)
        : new UniformCrossover<>(0.9);
    return Alterer.of(crossover, new Mutator<>(1.0 / codec.length()));
  }

  /** The generator of generation {@code generation} of a run seeded with {@code seed}. */
  static SplittableRandom random(long seed, long generation) {
    return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + generation * 0xC2B2AE3D27D4EB4FL + 0x165667B19E3779F9L);
  }

  /** The initial population: the seeds (at most the population size), then random chromosomes. */
  List<int[]> initialPopulation(List<int[]> seeds, long seed) {
    List<int[]> pop = new ArrayList<>();
    for (int[] s : seeds) {
      if (pop.size() < engine.populationSize()) {
        pop.add(s.clone());
      }
    }
    RandomRegistry.with(random(seed, 0), r -> {
      while (pop.size() < engine.populationSize()) {
        pop.add(raw(genotypes.newInstance()));
      }
      return null;
    });
    return pop;
  }

  /** One NSGA-II generation from {@code start}, with the random state of generation {@code start.generation()}. */
  EvolutionResult<IntegerGene, Vec<double[]>> step(EvolutionStart<IntegerGene, Vec<double[]>> start, long seed) {
    return RandomRegistry.with(random(seed, start.generation()), r -> engine.evolve(start));
  }

  /** An evaluated individual with raw chromosome {@code raw}, born in generation {@code born}. */
  Phenotype<IntegerGene, Vec<double[]>> member(int[] raw, long born, Vec<double[]> fitness) {
    return Phenotype.of(genotype(raw), born, fitness);
  }

  Genotype<IntegerGene> genotype(int[] raw) {
    if (raw.length != codec.length()) {
      throw new IllegalArgumentException("chromosome has " + raw.length + " genes, expected " + codec.length());
    }
    List<IntegerGene> genes = new ArrayList<>(raw.length);
    for (int v : raw) {
      if (v < 0 || v >= codec.range()) {
        throw new IllegalArgumentException("gene value " + v + " outside [0, " + codec.range() + ")");
      }
      genes.add(IntegerGene.of(v, 0, codec.range()));
    }
    return Genotype.of(IntegerChromosome.of(genes));
  }

  static int[] raw(Genotype<IntegerGene> g) {
    return ((IntegerChromosome) g.chromosome()).toArray();
  }
}
