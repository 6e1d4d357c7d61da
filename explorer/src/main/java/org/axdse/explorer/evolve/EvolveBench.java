package org.axdse.explorer.evolve;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.axdse.multipliers.cgp.CandidateEvaluator;
import org.axdse.multipliers.cgp.CgpGenome;
import org.axdse.multipliers.cgp.ErrorMeasure;
import org.axdse.multipliers.cgp.Evolution;
import org.axdse.multipliers.cgp.EvolutionState;
import org.axdse.multipliers.cgp.GenomeMutation;
import org.axdse.multipliers.cgp.SupportStimulus;
import org.axdse.multipliers.cost.CostModel;
import org.axdse.multipliers.cost.OperandStream;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.multipliers.netlist.Netlist;
import org.axdse.multipliers.table.OperandDistribution;
import org.axdse.simulator.engine.LayerOperands;

/**
 * {@code axdse bench evolve}'s measurement, in this thread: candidate circuits evaluated per second by a (1 + 4)
 * run from the exact reference under one layer's distribution (bound: mse 1e-3), then the parts of one evaluation
 * (decoding, the weighted error over the layer's support, the same over all pairs of the format, the power over
 * the evolution's stream) on a fixed set of mutants. Wall and this thread's CPU seconds.
 */
public final class EvolveBench {
  /** Seconds (wall, CPU) and count of one measured part. */
  public record Part(String name, int count, double wall, double cpu) {
    public double perSecond() {
      return count / wall;
    }
  }

  /** The figures: support size, the evolution's rate, then each part. */
  public record Result(String layer, int support, int pairs, long generations, long evaluations, double wall,
      double cpu, List<Part> parts) {}

  private EvolveBench() {}

  public static Result run(LayerOperands layer, long generations, long seed) {
    OperandDistribution d = layer.distribution();
    CandidateEvaluator ev = new CandidateEvaluator(d, ErrorMeasure.MSE, CandidateEvaluator.DEFAULT_STREAM_LENGTH,
        CostModel.DEFAULT_SEED);
    CgpGenome start = CgpGenome.of(MultiplierCatalog.exactReference(d.format()), 0);
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    Evolution e = new Evolution(ev, GenomeMutation.of(5), 4, 1e-3, seed, 0, EvolutionState.start(start));
    long w0 = System.nanoTime();
    long c0 = mx.getCurrentThreadCpuTime();
    for (long g = 0; g < generations; g++) {
      e.step(null);
    }
    double wall = (System.nanoTime() - w0) / 1e9;
    double cpu = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
    List<CgpGenome> mutants = new ArrayList<>();
    SplittableRandom rng = new SplittableRandom(seed);
    for (int i = 0; i < 200; i++) {
      mutants.add(GenomeMutation.of(5).apply(e.parent(), rng));
    }
    List<Netlist> nets = mutants.stream().map(g -> g.decode("m")).toList();
    SupportStimulus all = SupportStimulus.of(OperandDistribution.uniform(d.format()));
    CostModel cost = CostModel.defaults().withStreamLength(CandidateEvaluator.DEFAULT_STREAM_LENGTH);
    OperandStream stream = OperandStream.sample(d, CandidateEvaluator.DEFAULT_STREAM_LENGTH, CostModel.DEFAULT_SEED);
    List<Part> parts = List.of(
        time("decode genome -> netlist", mutants.size(), mx, () -> mutants.forEach(g -> g.decode("m"))),
        time("weighted error, layer support", nets.size(), mx, () -> nets.forEach(ev.support()::error)),
        time("weighted error, all pairs", nets.size(), mx, () -> nets.forEach(all::error)),
        time("power, " + stream.length() + "-pair stream", nets.size(), mx, () -> nets.forEach(n -> cost.evaluate(n,
            stream))),
        time("whole evaluation (error + power)", nets.size(), mx, () -> nets.forEach(ev::evaluate)));
    return new Result(layer.name(), ev.support().size(), d.format().tableSize(), e.generation(), e.evaluations(),
        wall, cpu, parts);
  }

  private static Part time(String name, int count, ThreadMXBean mx, Runnable r) {
    r.run(); // warm-up
    long w0 = System.nanoTime();
    long c0 = mx.getCurrentThreadCpuTime();
    r.run();
    return new Part(name, count, (System.nanoTime() - w0) / 1e9, (mx.getCurrentThreadCpuTime() - c0) / 1e9);
  }
}
