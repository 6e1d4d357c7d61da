package org.axdse.explorer.evolve;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.axdse.multipliers.cgp.CandidateError;
import org.axdse.multipliers.cgp.CandidateEvaluator;
import org.axdse.multipliers.cgp.CgpGenome;
import org.axdse.multipliers.cgp.ConeSimulator;
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
 * run from the exact reference under one layer's distribution (mse bounded by 1e-3, or another error and bound),
 * once simulating every mutant whole and once re-simulating its changed cone only (the same path, checked), in one
 * sitting, then the parts of one evaluation
 * (decoding, the weighted error over the layer's support, the same over all pairs of the format, the power over
 * the evolution's stream, the error through the changed cone) on a fixed set of mutants. Wall and this thread's
 * CPU seconds.
 */
public final class EvolveBench {
  /** Seconds (wall, CPU) and count of one measured part. */
  public record Part(String name, int count, double wall, double cpu) {
    public double perSecond() {
      return count / wall;
    }
  }

  /** One timed evolution: generations, candidates simulated, wall and CPU seconds. */
  public record Run(String simulation, long generations, long evaluations, double wall, double cpu) {
    public double perSecond() {
      return evaluations / wall;
    }
  }

  /**
   * The figures: the measure, the support size, the error's stimulus size, the evolution's rate simulating whole
   * and through the changed cone (and whether they took the same path; each timed after a first untimed pair),
   * the mean share of a mutant's active nodes in its changed cone, then each part.
   */
  public record Result(String layer, String measure, int support, int stimulus, int pairs, List<Run> runs,
      boolean samePath, double coneShare, List<Part> parts) {}

  private EvolveBench() {}

  /**
   * Runs the bench on {@code layer} with {@code error} (null: mse over the support, bound 1e-3; else its score, bound
   * {@code bound}).
   */
  public static Result run(LayerOperands layer, CandidateError error, double bound, long generations, long seed) {
    OperandDistribution d = layer.distribution();
    CandidateEvaluator ev = error == null
        ? new CandidateEvaluator(d, ErrorMeasure.MSE, CandidateEvaluator.DEFAULT_STREAM_LENGTH,
            CostModel.DEFAULT_SEED)
        : new CandidateEvaluator(d, error, CandidateEvaluator.DEFAULT_STREAM_LENGTH, CostModel.DEFAULT_SEED);
    double threshold = error == null ? 1e-3 : bound;
    CgpGenome start = CgpGenome.of(MultiplierCatalog.exactReference(d.format()), 0);
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    List<Run> runs = new ArrayList<>();
    List<Evolution> done = new ArrayList<>();
    for (boolean incremental : new boolean[] {false, true, false, true}) {
      Evolution e = new Evolution(ev, GenomeMutation.of(5), 4, threshold, seed, 0, EvolutionState.start(start),
          incremental);
      long w0 = System.nanoTime();
      long c0 = mx.getCurrentThreadCpuTime();
      for (long g = 0; g < generations; g++) {
        e.step(null);
      }
      runs.add(new Run(incremental ? "changed cone" : "whole", e.generation(), e.evaluations(),
          (System.nanoTime() - w0) / 1e9, (mx.getCurrentThreadCpuTime() - c0) / 1e9));
      done.add(e);
    }
    runs = runs.subList(2, 4); // the first pair warms the JIT up
    Evolution e = done.get(3);
    boolean same = done.get(2).parent().equals(e.parent()) && done.get(2).evaluations() == e.evaluations();
    List<CgpGenome> mutants = new ArrayList<>();
    SplittableRandom rng = new SplittableRandom(seed);
    while (mutants.size() < 200) {
      CgpGenome m = GenomeMutation.of(5).apply(e.parent(), rng);
      if (!m.decode("m").equals(e.parentNetlist())) {
        mutants.add(m);
      }
    }
    List<Netlist> nets = mutants.stream().map(g -> g.decode("m")).toList();
    SupportStimulus all = SupportStimulus.of(OperandDistribution.uniform(d.format()));
    CostModel cost = CostModel.defaults().withStreamLength(CandidateEvaluator.DEFAULT_STREAM_LENGTH);
    OperandStream stream = OperandStream.sample(d, CandidateEvaluator.DEFAULT_STREAM_LENGTH, CostModel.DEFAULT_SEED);
    ConeSimulator cones = new ConeSimulator(ev.error().stimulus(), e.parent());
    CandidateError err = ev.error();
    double cone = 0;
    for (CgpGenome m : mutants) {
      int active = 0;
      for (boolean a : m.activeNodes()) {
        active += a ? 1 : 0;
      }
      cone += cones.simulate(m).size() / (double) active / mutants.size();
    }
    List<Part> parts = List.of(
        time("decode genome -> netlist", mutants.size(), mx, () -> mutants.forEach(g -> g.decode("m"))),
        time("weighted error, layer support", nets.size(), mx, () -> nets.forEach(ev.support()::error)),
        time("weighted error, all pairs", nets.size(), mx, () -> nets.forEach(all::error)),
        time("error (" + err.label() + "), whole circuit", nets.size(), mx,
            () -> nets.forEach(n -> err.score(err.stimulus().products(n)))),
        time("error (" + err.label() + "), changed cone", mutants.size(), mx,
            () -> mutants.forEach(g -> err.score(cones.simulate(g).products()))),
        time("power, " + stream.length() + "-pair stream", nets.size(), mx, () -> nets.forEach(n -> cost.evaluate(n,
            stream))),
        time("whole evaluation (error + power)", nets.size(), mx, () -> nets.forEach(ev::evaluate)));
    return new Result(layer.name(), err.label(), ev.support().size(), err.stimulus().size(), d.format().tableSize(),
        runs, same, cone, parts);
  }

  private static Part time(String name, int count, ThreadMXBean mx, Runnable r) {
    r.run(); // warm-up
    long w0 = System.nanoTime();
    long c0 = mx.getCurrentThreadCpuTime();
    r.run();
    return new Part(name, count, (System.nanoTime() - w0) / 1e9, (mx.getCurrentThreadCpuTime() - c0) / 1e9);
  }
}
