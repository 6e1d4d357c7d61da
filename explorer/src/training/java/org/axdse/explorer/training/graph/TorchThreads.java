package org.axdse.explorer.training.graph;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * PyTorch's intra-op thread count for retraining: one, whatever {@code --threads} says, so the weights depend on
 * the seed alone. DJL reads {@code ai.djl.pytorch.num_threads} only when it loads the engine; an engine loaded
 * earlier in the process (another command or test in the same JVM) kept its own count, and PyTorch's parallel
 * float reductions then made same-seed retrainings differ now and then. So the count is also set on the loaded
 * engine ({@code torch::set_num_threads} may be called at any time; the inter-op pool cannot change once used and
 * eager execution does not use it).
 */
final class TorchThreads {
  private TorchThreads() {}

  /** Loads the PyTorch engine if needed and runs its intra-op work on one thread. */
  static void useOne() {
    System.setProperty("ai.djl.pytorch.num_threads", "1");
    System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    Engine.getEngine("PyTorch");
    JniUtils.setNumThreads(1);
  }
}
