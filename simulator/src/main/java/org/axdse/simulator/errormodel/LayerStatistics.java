package org.axdse.simulator.errormodel;

/** Mean and (population) standard deviation of a layer's accumulator error over all its accumulators. */
public record LayerStatistics(double mean, double std) {
  public LayerStatistics {
    if (!Double.isFinite(mean) || !(std >= 0) || Double.isInfinite(std)) {
      throw new IllegalArgumentException("mean " + mean + ", std " + std);
    }
  }
}
