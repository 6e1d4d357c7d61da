package org.axdse.simulator.engine;

/**
 * Sees, and may change, the int32 accumulators of every convolution and dense layer just before requantization:
 * {@code acc[o * columns + j]} for output channel {@code o < rows} and output position {@code j < columns} of the
 * batch. For noise injection (the error model's fidelity and the sensitivity measurement) and for measuring the
 * exact accumulators' spread. Called on the engine's thread, layer after layer and batch after batch in a fixed
 * order, so a hook that draws random numbers in call order is deterministic for any thread count.
 */
@FunctionalInterface
public interface AccumulatorHook {
  void apply(int layer, int[] acc, int rows, int columns);
}
