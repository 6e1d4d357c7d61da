package org.axdse.explorer.search;

import io.jenetics.Alterer;
import io.jenetics.IntegerGene;
import io.jenetics.Optimize;
import io.jenetics.Phenotype;
import io.jenetics.Selector;
import io.jenetics.TournamentSelector;
import io.jenetics.ext.moea.NSGA2Selector;
import io.jenetics.ext.moea.Vec;
import io.jenetics.util.ISeq;
import io.jenetics.util.RandomRegistry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.axdse.explorer.encoding.GenomeCodec;

/**
 * One generation of the surrogate-assisted NSGA-II: the plain generation ({@link Nsga2}) with a larger brood.
 * The survivors are the best half of the population by rank and crowding, as in the plain search; the offspring
 * are bred {@code factor} times over (binary tournaments, the same crossover and mutation), in {@code rounds}
 * rounds: the first from the population, each further one from the best {@code population} members (rank and
 * crowding) of the population and the brood estimated so far, so the brood can move several generations on the
 * predictor before a simulation (generation-based model management, Jin, Olhofer and Sendhoff, IEEE TEC 6(5),
 * 2002). Of the distinct new genomes of all rounds (never simulated before) the most promising half-population is
 * kept: the brood and the population are ranked together by non-dominated rank and crowding distance (Deb et al.
 * 2002), the population on its simulated objectives and the brood on its estimated ones, and the brood's best
 * come first. Only those are simulated. With fewer new genomes than offspring places, the rest of the brood fills
 * the places in breeding order (already simulated genomes cost nothing).
 *
 * <p>Determinism: the whole step runs inside {@link RandomRegistry#with} the generator of {@code (seed, g)}, on
 * the calling thread, and the estimates are pure, so a generation depends only on its input population, the
 * fitted surrogate and {@code (seed, g)}; a resumed run replays it exactly.
 */
final class SurrogateBreeding {
  /** The offspring of a generation: the survivors and the chosen raw chromosomes. */
  record Brood(ISeq<Phenotype<IntegerGene, Vec<double[]>>> survivors, List<int[]> offspring, int bred,
      int estimated) {}

  private final GenomeCodec codec;
  private final Nsga2 nsga2;
  private final int population;
  private final int factor;
  private final int rounds;
  private final Alterer<IntegerGene, Vec<double[]>> alterer;
  private final Selector<IntegerGene, Vec<double[]>> tournament = new TournamentSelector<>(2);
  private final Selector<IntegerGene, Vec<double[]>> ranking = NSGA2Selector.ofVec();

  SurrogateBreeding(GenomeCodec codec, Nsga2 nsga2, int population, SurrogateOptions options) {
    this.codec = codec;
    this.nsga2 = nsga2;
    this.population = population;
    this.factor = options.factor();
    this.rounds = options.rounds();
    this.alterer = Nsga2.alterer(codec);
  }

  /**
   * Breeds generation {@code generation} from {@code current}; {@code simulated} tells the canonical genomes
   * already simulated, {@code estimate} gives a new canonical genome's estimated fitness.
   */
  Brood breed(ISeq<Phenotype<IntegerGene, Vec<double[]>>> current, long generation, long seed,
      Predicate<int[]> simulated, Function<int[], Vec<double[]>> estimate) {
    return RandomRegistry.with(Nsga2.random(seed, generation), r -> {
      int places = population / 2;
      ISeq<Phenotype<IntegerGene, Vec<double[]>>> parents = tournament.select(current, places * factor,
          Optimize.MAXIMUM);
      ISeq<Phenotype<IntegerGene, Vec<double[]>>> survivors = ranking.select(current, population - places,
          Optimize.MAXIMUM);
      Map<Phenotype<IntegerGene, Vec<double[]>>, int[]> brood = new IdentityHashMap<>();
      List<Phenotype<IntegerGene, Vec<double[]>>> union = new ArrayList<>(current.asList());
      List<Phenotype<IntegerGene, Vec<double[]>>> bred = new ArrayList<>();
      Set<GenomeKey> seen = new HashSet<>();
      for (int round = 0; round < rounds; round++) {
        ISeq<Phenotype<IntegerGene, Vec<double[]>>> from = round == 0 ? parents
            : tournament.select(ranking.select(ISeq.of(union), population, Optimize.MAXIMUM), places * factor,
                Optimize.MAXIMUM);
        for (Phenotype<IntegerGene, Vec<double[]>> p : alterer.alter(from, generation).population()) {
          bred.add(p);
          int[] raw = Nsga2.raw(p.genotype());
          int[] canonical = codec.canonical(raw);
          if (!simulated.test(canonical) && seen.add(new GenomeKey(canonical))) {
            Phenotype<IntegerGene, Vec<double[]>> estimated = nsga2.member(raw, generation,
                estimate.apply(canonical));
            brood.put(estimated, raw);
            union.add(estimated);
          }
        }
      }
      List<int[]> offspring = new ArrayList<>();
      Set<GenomeKey> chosen = new HashSet<>();
      for (Phenotype<IntegerGene, Vec<double[]>> p : ranking.select(ISeq.of(union), union.size(),
          Optimize.MAXIMUM)) {
        int[] raw = brood.remove(p);
        if (raw != null && offspring.size() < places) {
          offspring.add(raw);
          chosen.add(new GenomeKey(codec.canonical(raw)));
        }
      }
      for (int pass = 0; pass < 2 && offspring.size() < places; pass++) {
        for (int i = 0; i < bred.size() && offspring.size() < places; i++) {
          int[] raw = Nsga2.raw(bred.get(i).genotype());
          if (chosen.add(new GenomeKey(codec.canonical(raw))) || pass == 1) {
            offspring.add(raw);
          }
        }
      }
      return new Brood(survivors, offspring, bred.size(), seen.size());
    });
  }
}
