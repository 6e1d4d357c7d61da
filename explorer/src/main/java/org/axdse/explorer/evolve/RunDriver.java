package org.axdse.explorer.evolve;

import java.nio.file.Path;
import java.time.Duration;
import org.axdse.multipliers.cgp.CandidateEvaluator;
import org.axdse.multipliers.cgp.CgpGenome;
import org.axdse.multipliers.cgp.Evolution;
import org.axdse.multipliers.cgp.EvolutionCheckpoint;
import org.axdse.multipliers.cgp.EvolutionState;
import org.axdse.multipliers.netlist.Netlist;

/**
 * Drives one {@link Evolution} to its stop (generation limit or time share), writing its checkpoint every
 * {@code checkpointSeconds} of the settings and at the end; it starts from the seed circuit, or from the state of
 * the run's checkpoint that the caller read and checked ({@code resumed}).
 */
final class RunDriver {
  private RunDriver() {}

  static EvolvedRun run(String layer, int index, double threshold, CandidateEvaluator evaluator, Netlist seedCircuit,
      String seedName, EvolutionState resumed, EvolveSettings s, Path checkpoint, Duration share) {
    String key = s.key(layer, seedName, threshold);
    EvolutionState state = resumed != null ? resumed : EvolutionState.start(CgpGenome.of(seedCircuit, s.spare()));
    Evolution e = new Evolution(evaluator, s.mutation(), s.lambda(), threshold, s.seed(), index, state);
    long start = System.nanoTime();
    long lastSave = start;
    long limitNanos = share == null ? Long.MAX_VALUE : share.toNanos();
    while ((s.generations() == 0 || e.generation() < s.generations())
        && System.nanoTime() - start < limitNanos) {
      e.step(null);
      if (System.nanoTime() - lastSave > s.checkpointSeconds() * 1_000_000_000L) {
        EvolutionCheckpoint.of(key, e.state(), e.parentFitness()).write(checkpoint);
        lastSave = System.nanoTime();
      }
    }
    EvolutionCheckpoint.of(key, e.state(), e.parentFitness()).write(checkpoint);
    return new EvolvedRun(layer, threshold, seedName, e.parentNetlist(), e.parentFitness(), e.generation(),
        e.evaluations(), (System.nanoTime() - start) / 1e9);
  }
}
