package org.axdse.simulator.engine;

import org.axdse.simulator.energy.ArchitectureEnergy;

/**
 * How a {@link SimulationSession} runs: {@code threads} for the kernels (default all cores), images per batch,
 * whether to compute the float model's accuracy at open (one float pass over the evaluation set), whether to
 * collect per-layer accumulator error statistics (doubles the table-layer work: the exact sums are computed too),
 * whether exact tables assigned by name still go through lookups ({@code forceLookup}, for tests and benchmarks of
 * the table path), the architecture energies, and the seed of the operand streams of the power model.
 */
public record SessionOptions(int threads, int batchSize, boolean floatReference, boolean layerStatistics,
    boolean forceLookup, ArchitectureEnergy architecture, long costSeed) {
  public SessionOptions {
    if (threads < 1 || batchSize < 1) {
      throw new IllegalArgumentException("threads and batch size must be at least 1");
    }
    java.util.Objects.requireNonNull(architecture, "architecture");
  }

  /** All cores, batches of 64, float reference and statistics on, default energies, seed 1. */
  public static SessionOptions defaults() {
    return new SessionOptions(Runtime.getRuntime().availableProcessors(), 64, true, true, false,
        ArchitectureEnergy.defaults(), 1L);
  }

  public SessionOptions withThreads(int n) {
    return new SessionOptions(n, batchSize, floatReference, layerStatistics, forceLookup, architecture, costSeed);
  }

  public SessionOptions withFloatReference(boolean on) {
    return new SessionOptions(threads, batchSize, on, layerStatistics, forceLookup, architecture, costSeed);
  }

  public SessionOptions withLayerStatistics(boolean on) {
    return new SessionOptions(threads, batchSize, floatReference, on, forceLookup, architecture, costSeed);
  }

  public SessionOptions withForceLookup(boolean on) {
    return new SessionOptions(threads, batchSize, floatReference, layerStatistics, on, architecture, costSeed);
  }

  public SessionOptions withBatchSize(int n) {
    return new SessionOptions(threads, n, floatReference, layerStatistics, forceLookup, architecture, costSeed);
  }

  public SessionOptions withArchitecture(ArchitectureEnergy a) {
    return new SessionOptions(threads, batchSize, floatReference, layerStatistics, forceLookup, a, costSeed);
  }
}
