package org.axdse.explorer.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.axdse.explorer.backend.CandidateEstimate;
import org.axdse.explorer.backend.CandidateEvaluator;
import org.axdse.explorer.backend.CandidateResult;
import org.axdse.explorer.backend.Fidelity;
import org.axdse.explorer.backend.ProblemFactory;
import org.axdse.explorer.backend.ProblemRequest;
import org.axdse.explorer.backend.SearchProblem;
import org.axdse.explorer.encoding.ApproximableLayer;
import org.axdse.explorer.encoding.SearchSpace;
import org.axdse.results.run.MultiplierInfo;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.assign.LayerAssignment;

/**
 * A test fixture for the search mechanics, not a model of any network: "accuracy", "energy" and "memory" are
 * made-up analytic functions of the assignment. Layers differ in sensitivity and workload, channels in weight, and
 * multipliers trade relative power against an error level, so the problem has a real Pareto front that a good
 * search finds (sensitive layers exact, insensitive ones cheap) and random assignments miss. The screening
 * fidelity adds a small deterministic, genome-dependent offset, so the two fidelities differ.
 *
 * <p>Model spec {@code synthetic:layers=L,channels=C,sleep=MS,spin=MS,unsigned=true}: L layers (default 10), C
 * output channels per layer (default 6), milliseconds of sleep per evaluation (default 0), milliseconds of busy
 * CPU work per evaluation (default 0; for benchmarks: a real engine keeps a core busy), and with
 * {@code unsigned=true} a library with no usable approximate multiplier (only the exact one).
 */
public final class SyntheticProblem implements ProblemFactory {
  static final List<MultiplierInfo> LIBRARY = List.of(
      new MultiplierInfo("exact", 1.0, 1.0),
      new MultiplierInfo("m1", 0.85, 0.8),
      new MultiplierInfo("m2", 0.7, 0.7),
      new MultiplierInfo("m3", 0.55, 0.5),
      new MultiplierInfo("m4", 0.42, 0.4),
      new MultiplierInfo("m5", 0.3, 0.3),
      new MultiplierInfo("m6", 0.2, 0.15));
  private static final Map<String, Double> ERROR = Map.of(
      "exact", 0.0, "m1", 0.02, "m2", 0.05, "m3", 0.1, "m4", 0.2, "m5", 0.35, "m6", 0.6);

  /** A made-up weight width of each multiplier, for the memory objective (mean width over 8). */
  private static final Map<String, Integer> WIDTH = Map.of(
      "exact", 8, "m1", 8, "m2", 7, "m3", 6, "m4", 6, "m5", 4, "m6", 4);

  /** Evaluations performed by every evaluator of this JVM (to check memoisation). */
  public static final AtomicLong EVALUATIONS = new AtomicLong();

  /** A synthetic problem that runs {@code hook} once, at its {@code n}-th evaluation (to stop or disturb a run). */
  public static ProblemFactory hookedAt(long n, Runnable hook) {
    AtomicLong count = new AtomicLong();
    return request -> {
      SearchProblem p = new SyntheticProblem().open(request);
      return SearchProblem.of(p.space(), (a, f) -> {
        if (count.incrementAndGet() == n) {
          hook.run();
        }
        return p.evaluator().evaluate(a, f);
      }, p.estimator());
    };
  }

  @Override
  public SearchProblem open(ProblemRequest request) {
    Map<String, String> opts = options(request.model());
    int layers = Integer.parseInt(opts.getOrDefault("layers", "10"));
    int channels = Integer.parseInt(opts.getOrDefault("channels", "6"));
    long sleep = Long.parseLong(opts.getOrDefault("sleep", "0"));
    long spin = Long.parseLong(opts.getOrDefault("spin", "0"));
    boolean onlyExact = Boolean.parseBoolean(opts.getOrDefault("unsigned", "false"));
    List<ApproximableLayer> ls = new ArrayList<>();
    double[] sensitivity = new double[layers];
    double[] macs = new double[layers];
    double[][] weight = new double[layers][channels];
    for (int l = 0; l < layers; l++) {
      sensitivity[l] = 0.05 + 0.95 * frac(l * 0.618034 + 0.1);
      macs[l] = 1 + 9 * frac(l * 0.414214 + 0.3);
      Integer[] order = new Integer[channels];
      for (int c = 0; c < channels; c++) {
        weight[l][c] = 0.2 + frac((l + 1) * 0.7548777 + c * 0.5698403);
        order[c] = c;
      }
      int layer = l;
      Arrays.sort(order, (a, b) -> Double.compare(weight[layer][a], weight[layer][b]));
      List<String> allowed = onlyExact ? List.of("exact") : LIBRARY.stream().map(MultiplierInfo::name).toList();
      ls.add(new ApproximableLayer("conv" + l, channels, allowed,
          Arrays.stream(order).mapToInt(Integer::intValue).toArray()));
    }
    SearchSpace space = new SearchSpace(request.model(), request.data(), "exact", LIBRARY, ls);
    CandidateEvaluator evaluator = (assignment, fidelity) -> {
      EVALUATIONS.incrementAndGet();
      if (sleep > 0) {
        try {
          Thread.sleep(sleep);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted");
        }
      }
      if (spin > 0) {
        spin(spin);
      }
      return evaluate(assignment, fidelity, sensitivity, macs, weight);
    };
    return SearchProblem.of(space, evaluator,
        assignment -> estimate(assignment, sensitivity, macs, weight));
  }

  /**
   * The surrogate's view: exact costs and, as noise, the layers' made-up error powers with distorted weights (an
   * imperfect but informative predictor, as the real one is).
   */
  private static CandidateEstimate estimate(Assignment a, double[] sensitivity, double[] macs, double[][] weight) {
    CandidateResult r = evaluate(a, Fidelity.FINAL, sensitivity, macs, weight);
    double noise = 0;
    for (int l = 0; l < sensitivity.length; l++) {
      LayerAssignment la = a.of("conv" + l).orElse(LayerAssignment.uniform("exact"));
      double err = 0;
      double wsum = 0;
      for (int c = 0; c < weight[l].length; c++) {
        err += weight[l][c] * ERROR.get(la.multiplierOf(c));
        wsum += weight[l][c];
      }
      noise += sensitivity[l] * (0.5 + frac(l * 0.37)) * err / wsum;
    }
    return new CandidateEstimate(noise, 0, r.multiplierEnergy(), r.systemEnergy(), r.weightMemory());
  }

  private static CandidateResult evaluate(Assignment a, Fidelity f, double[] sensitivity, double[] macs,
      double[][] weight) {
    double keep = 1;
    double energy = 0;
    double memory = 0;
    double totalMacs = Arrays.stream(macs).sum();
    long hash = 17;
    for (int l = 0; l < sensitivity.length; l++) {
      LayerAssignment la = a.of("conv" + l).orElse(LayerAssignment.uniform("exact"));
      double err = 0;
      double power = 0;
      double wsum = 0;
      for (int c = 0; c < weight[l].length; c++) {
        String m = la.multiplierOf(c);
        hash = hash * 31 + m.hashCode();
        err += weight[l][c] * ERROR.get(m);
        wsum += weight[l][c];
        power += power(m) / weight[l].length;
        memory += WIDTH.get(m) / 8.0 / weight[l].length / sensitivity.length;
      }
      keep *= 1 - 0.9 * sensitivity[l] * Math.pow(err / wsum, 1.2);
      energy += macs[l] * power / totalMacs;
    }
    double accuracy = 0.92 * keep;
    if (f == Fidelity.SCREENING) {
      double offset = ((hash >>> 11) % 2001 - 1000) / 1000.0;
      accuracy = Math.min(1, Math.max(0, accuracy + 0.004 * offset));
    }
    return new CandidateResult(accuracy, energy, 0.4 + 0.6 * energy, memory);
  }

  /** Keeps this thread's core busy for {@code millis} of CPU time. */
  private static void spin(long millis) {
    java.lang.management.ThreadMXBean t = java.lang.management.ManagementFactory.getThreadMXBean();
    long end = t.getCurrentThreadCpuTime() + millis * 1_000_000;
    double x = 0;
    while (t.getCurrentThreadCpuTime() < end) {
      for (int i = 0; i < 10_000; i++) {
        x += Math.sqrt(i + x);
      }
    }
    if (x < 0) {
      throw new AssertionError();
    }
  }

  private static double power(String m) {
    for (MultiplierInfo i : LIBRARY) {
      if (i.name().equals(m)) {
        return i.relativePower();
      }
    }
    throw new IllegalArgumentException(m);
  }

  private static double frac(double x) {
    return x - Math.floor(x);
  }

  private static Map<String, String> options(String model) {
    Map<String, String> m = new HashMap<>();
    if (!model.startsWith("synthetic")) {
      throw new IllegalArgumentException("not a synthetic model: " + model);
    }
    int colon = model.indexOf(':');
    if (colon >= 0) {
      for (String kv : model.substring(colon + 1).split(",")) {
        String[] p = kv.split("=");
        m.put(p[0], p[1]);
      }
    }
    return m;
  }
}
