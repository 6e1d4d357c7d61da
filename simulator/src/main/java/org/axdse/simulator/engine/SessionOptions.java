package org.axdse.simulator.engine;

import org.axdse.simulator.energy.ArchitectureEnergy;

/**
 * How a {@link SimulationSession} runs: {@code threads} for the kernels (default all cores), images per batch,
 * whether to compute the float model's accuracy at open (one float pass over the evaluation set), whether to
 * collect per-layer accumulator error statistics and over how many of the evaluated images (the first
 * {@code statisticsImages} in the order given, rounded up to whole batches; the exact sums are computed for them
 * too, which doubles the table-layer work on those images),
 * whether exact tables assigned by name still go through lookups ({@code forceLookup}, for tests and benchmarks of
 * the table path), the architecture energies, the seed of the operand streams of the power model, and the weight
 * widths assignments may use ({@code widths}; null: only the quantization's own width).
 */
public record SessionOptions(int threads, int batchSize, boolean floatReference, boolean layerStatistics,
    int statisticsImages, boolean forceLookup, ArchitectureEnergy architecture, long costSeed, WidthSet widths) {
  /** Default number of images over which accumulator errors are measured. */
  public static final int DEFAULT_STATISTICS_IMAGES = 1024;

  public SessionOptions {
    if (threads < 1 || batchSize < 1 || statisticsImages < 1) {
      throw new IllegalArgumentException("threads, batch size and statistics images must be at least 1");
    }
    java.util.Objects.requireNonNull(architecture, "architecture");
  }

  /** Options with only the quantization's own weight width. */
  public SessionOptions(int threads, int batchSize, boolean floatReference, boolean layerStatistics,
      int statisticsImages, boolean forceLookup, ArchitectureEnergy architecture, long costSeed) {
    this(threads, batchSize, floatReference, layerStatistics, statisticsImages, forceLookup, architecture, costSeed,
        null);
  }

  /** These options letting assignments use every width of {@code w} (null: the quantization's own width). */
  public SessionOptions withWidths(WidthSet w) {
    return new SessionOptions(threads, batchSize, floatReference, layerStatistics, statisticsImages, forceLookup,
        architecture, costSeed, w);
  }

  /** All cores, batches of 64, float reference and statistics on, default energies, seed 1. */
  public static SessionOptions defaults() {
    return new SessionOptions(Runtime.getRuntime().availableProcessors(), 64, true, true,
        DEFAULT_STATISTICS_IMAGES, false, ArchitectureEnergy.defaults(), 1L);
  }

  public SessionOptions withThreads(int n) {
    return new SessionOptions(n, batchSize, floatReference, layerStatistics, statisticsImages, forceLookup,
        architecture, costSeed, widths);
  }

  public SessionOptions withFloatReference(boolean on) {
    return new SessionOptions(threads, batchSize, on, layerStatistics, statisticsImages, forceLookup,
        architecture, costSeed, widths);
  }

  public SessionOptions withLayerStatistics(boolean on) {
    return new SessionOptions(threads, batchSize, floatReference, on, statisticsImages, forceLookup, architecture,
        costSeed, widths);
  }

  public SessionOptions withForceLookup(boolean on) {
    return new SessionOptions(threads, batchSize, floatReference, layerStatistics, statisticsImages, on,
        architecture, costSeed, widths);
  }

  public SessionOptions withStatisticsImages(int n) {
    return new SessionOptions(threads, batchSize, floatReference, layerStatistics, n, forceLookup, architecture,
        costSeed, widths);
  }

  public SessionOptions withBatchSize(int n) {
    return new SessionOptions(threads, n, floatReference, layerStatistics, statisticsImages, forceLookup,
        architecture, costSeed, widths);
  }

  public SessionOptions withArchitecture(ArchitectureEnergy a) {
    return new SessionOptions(threads, batchSize, floatReference, layerStatistics, statisticsImages, forceLookup, a,
        costSeed, widths);
  }
}
