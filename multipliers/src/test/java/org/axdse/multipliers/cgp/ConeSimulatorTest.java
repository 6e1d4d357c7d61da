package org.axdse.multipliers.cgp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.axdse.multipliers.Multiplier;
import org.axdse.multipliers.library.BuiltinLibrary;
import org.axdse.multipliers.table.OperandDistribution;
import org.junit.jupiter.api.Test;

class ConeSimulatorTest {
  /**
   * A random walk: each mutant (1 to {@code genes} genes) is simulated through its changed cone and decoded and
   * simulated whole; the products must agree bit for bit. About half the mutants become the parent (simulated or
   * not), so the parent's words are patched again and again.
   */
  private static int[] walk(String design, int spare, int genes, long seed, int steps) {
    Multiplier m = BuiltinLibrary.byName(design).orElseThrow();
    OperandDistribution d = SupportStimulusTest.layerLike(m.format(), seed);
    SupportStimulus s = SupportStimulus.of(d);
    CgpGenome start = CgpGenome.of(m.netlist(), spare);
    ConeSimulator sim = new ConeSimulator(s, start);
    assertArrayEquals(s.products(m.netlist()), sim.simulate(start).products(), design + ": the seed itself");
    GenomeMutation mutation = GenomeMutation.of(genes);
    SplittableRandom rng = new SplittableRandom(seed);
    int partial = 0;
    int accepted = 0;
    for (int step = 0; step < steps; step++) {
      CgpGenome mutant = mutation.apply(sim.parent(), rng);
      int[] whole = s.products(mutant.decode("m"));
      int choice = rng.nextInt(4);
      if (choice == 0) {
        sim.accept(mutant);
        accepted++;
        assertArrayEquals(whole, sim.simulate(mutant).products(), design + " step " + step + " (accepted unseen)");
        continue;
      }
      ConeSimulator.Cone cone = sim.simulate(mutant);
      assertArrayEquals(whole, cone.products(), design + " step " + step);
      if (cone.size() > 0 && cone.size() < mutant.nodes()) {
        partial++;
      }
      if (choice == 1) {
        sim.accept(cone);
        accepted++;
      }
    }
    assertArrayEquals(s.products(sim.parent().decode("p")), new ConeSimulator(s, sim.parent())
        .simulate(sim.parent()).products(), "a fresh simulator of the last parent");
    return new int[] {partial, accepted};
  }

  @Test
  void incrementalProductsEqualAWholeSimulationAlongRandomMutationSequences() {
    int[] a = walk("s8x4_exact_bw", 8, 5, 3, 400);
    int[] b = walk("u8x8_trunc8", 6, 12, 4, 250);
    int[] c = walk("s8x8_mitchell", 0, 3, 5, 250);
    for (int[] r : new int[][] {a, b, c}) {
      assertTrue(r[0] > 20, "many mutants re-simulate a proper part of the circuit: " + r[0]);
      assertTrue(r[1] > 50, "and many become the parent: " + r[1]);
    }
  }

  @Test
  void anIncrementalEvolutionTakesTheSamePathAsAWholeOne() {
    Multiplier seed = BuiltinLibrary.byName("s8x4_exact_bw").orElseThrow();
    CandidateEvaluator ev = new CandidateEvaluator(SupportStimulusTest.layerLike(seed.format(), 5), ErrorMeasure.MSE,
        1024, 1);
    Evolution cone = new Evolution(ev, GenomeMutation.of(5), 4, 1e-3, 7, 0,
        EvolutionState.start(CgpGenome.of(seed.netlist(), 8)), true);
    Evolution whole = new Evolution(ev, GenomeMutation.of(5), 4, 1e-3, 7, 0,
        EvolutionState.start(CgpGenome.of(seed.netlist(), 8)), false);
    for (int g = 0; g < 200; g++) {
      cone.step(null);
      whole.step(null);
    }
    assertEquals(whole.parent(), cone.parent());
    assertEquals(whole.parentFitness(), cone.parentFitness());
    assertEquals(whole.evaluations(), cone.evaluations());
  }
}
