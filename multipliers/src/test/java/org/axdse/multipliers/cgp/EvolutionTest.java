package org.axdse.multipliers.cgp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axdse.multipliers.Multiplier;
import org.axdse.multipliers.io.FileFormat;
import org.axdse.multipliers.io.MultiplierFiles;
import org.axdse.multipliers.library.BuiltinLibrary;
import org.axdse.multipliers.netlist.BitParallelSimulator;
import org.axdse.multipliers.netlist.Netlist;
import org.axdse.multipliers.table.OperandDistribution;
import org.axdse.multipliers.util.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvolutionTest {
  private static final Multiplier SEED = BuiltinLibrary.byName("s8x4_exact_bw").orElseThrow();
  private static final OperandDistribution LAYER = SupportStimulusTest.layerLike(SEED.format(), 5);
  private static final CandidateEvaluator EVALUATOR = new CandidateEvaluator(LAYER, ErrorMeasure.MSE, 1024, 1);
  private static final double BOUND = 1e-3;

  private static Evolution start(long seed) {
    return new Evolution(EVALUATOR, GenomeMutation.of(5), 4, BOUND, seed, 0,
        EvolutionState.start(CgpGenome.of(SEED.netlist(), 8)));
  }

  private static Evolution run(long seed, int generations, ExecutorService pool) {
    Evolution e = start(seed);
    for (int g = 0; g < generations; g++) {
      e.step(pool);
    }
    return e;
  }

  @Test
  void evolutionLowersPowerWithinTheBound() {
    Evolution e = run(1, 300, null);
    Fitness exact = EVALUATOR.evaluate(SEED.netlist());
    Fitness evolved = e.parentFitness();
    assertTrue(evolved.feasible(BOUND), "stays within the bound: " + evolved);
    assertTrue(evolved.power() < exact.power(), evolved + " vs exact " + exact);
    assertEquals(EVALUATOR.evaluate(e.parent().decode("x")), evolved, "the parent's fitness is its circuit's");
    assertEquals(300, e.generation());
  }

  @Test
  void evolutionIsReproducibleFromItsSeedForAnyThreadCount() {
    Evolution one = run(42, 120, null);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Evolution two = run(42, 120, pool);
      assertEquals(one.parent(), two.parent());
      assertEquals(one.evaluations(), two.evaluations());
    } finally {
      pool.shutdownNow();
    }
    assertNotEquals(one.parent(), run(43, 120, null).parent(), "another seed takes another path");
  }

  @Test
  void aRunResumedFromItsCheckpointEndsWhereAnUninterruptedOneDoes(@TempDir Path dir) {
    Evolution straight = run(9, 160, null);
    Evolution first = run(9, 70, null);
    Path file = dir.resolve("run.json");
    EvolutionCheckpoint.of("layer1/mse/0.001/9", first.state(), first.parentFitness()).write(file);
    // the first run is dropped here, as a killed process would be
    EvolutionState state = EvolutionCheckpoint.read(file).state("layer1/mse/0.001/9", file, EVALUATOR);
    Evolution resumed = new Evolution(EVALUATOR, GenomeMutation.of(5), 4, BOUND, 9, 0, state);
    for (int g = 70; g < 160; g++) {
      resumed.step(null);
    }
    assertEquals(straight.parent(), resumed.parent());
    assertEquals(straight.evaluations(), resumed.evaluations());
    assertEquals(straight.parentFitness(), resumed.parentFitness());
    assertThrows(BadInputException.class, () -> EvolutionCheckpoint.read(file).state("layer2/mse/0.001/9", file));
  }

  /**
   * A checkpoint records its circuit's fitness and is refused, in one line naming the file, by a run whose fitness
   * scores that circuit otherwise (here: the layer's operands changed, same key); so is a checkpoint of the old
   * format, which records none.
   */
  @Test
  void aCheckpointIsRefusedWhenItsCircuitScoresOtherwiseNow(@TempDir Path dir) throws Exception {
    Evolution first = run(9, 70, null);
    Path file = dir.resolve("run.json");
    EvolutionCheckpoint.of("k", first.state(), first.parentFitness()).write(file);
    CandidateEvaluator otherOperands = new CandidateEvaluator(SupportStimulusTest.layerLike(SEED.format(), 6),
        ErrorMeasure.MSE, 1024, 1);
    BadInputException e = assertThrows(BadInputException.class,
        () -> EvolutionCheckpoint.read(file).state("k", file, otherOperands));
    assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("new --out")
        && !e.getMessage().contains("\n"), e.getMessage());
    assertEquals(first.state().parent(), EvolutionCheckpoint.read(file).state("k", file, EVALUATOR).parent());
    Files.writeString(file, Files.readString(file).replace("axdse-cgp-checkpoint-2", "axdse-cgp-checkpoint-1"));
    BadInputException old = assertThrows(BadInputException.class, () -> EvolutionCheckpoint.read(file));
    assertTrue(old.getMessage().contains("older axdse"), old.getMessage());
  }

  @Test
  void anEvolvedCircuitRoundTripsThroughVerilogWithAnIdenticalTable(@TempDir Path dir) throws Exception {
    Netlist evolved = run(3, 200, null).parent().decode("s8x4_cgp_test");
    int[] table = new BitParallelSimulator(evolved).productTable().toArray();
    assertFalse(java.util.Arrays.equals(SEED.table().toArray(), table), "the evolved circuit is approximate");
    Path file = dir.resolve("s8x4_cgp_test.v");
    MultiplierFiles.writeWithSidecar(Multiplier.ofNetlist("s8x4_cgp_test", "evolved", evolved), FileFormat.VERILOG,
        file);
    Multiplier back = MultiplierFiles.read(file);
    assertTrue(Files.size(file) > 0);
    assertEquals(SEED.format(), back.format());
    assertArrayEquals(table, back.table().toArray());
  }
}
