package org.axdse.simulator.engine;

import org.axdse.simulator.kernels.Kernels;
import org.axdse.simulator.kernels.RowTables;

/**
 * What the steps of one engine run share: the kernels (threads), the tensor buffers, the tables of each
 * approximable layer (null entries are exact), where accumulator error statistics go (null: not collected) and
 * the accumulator hook (null: none).
 */
final class RunContext {
  final Kernels kernels;
  final Activations act;
  final Scratch scratch;
  RowTables[] tables;
  ErrorStatistics[] stats;
  AccumulatorHook hook;
  LayerDataflow[] dataflows;

  RunContext(Kernels kernels, Activations act, Scratch scratch) {
    this.kernels = kernels;
    this.act = act;
    this.scratch = scratch;
  }

  int batch() {
    return act.batch();
  }

  /** Runs {@code body(from, to)} over {@code [0, total)} in chunks of {@code grain} on the kernels' threads. */
  void forChunks(int total, int grain, ChunkBody body) {
    int tasks = (total + grain - 1) / grain;
    kernels.parallelFor(tasks, t -> body.run(t * grain, Math.min(total, (t + 1) * grain)));
  }

  /** A range body for {@link #forChunks}. */
  @FunctionalInterface
  interface ChunkBody {
    void run(int from, int to);
  }
}
