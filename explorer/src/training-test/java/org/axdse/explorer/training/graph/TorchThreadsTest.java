package org.axdse.explorer.training.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import org.junit.jupiter.api.Test;

/**
 * Retraining's one PyTorch thread holds even when the engine was loaded earlier in the process with another
 * count (as {@code axdse train --threads 2} or another test in the same JVM does): the cause of the same-seed
 * retrainings that once gave different bytes.
 */
class TorchThreadsTest {
  @Test
  void oneThreadAlsoOnAnEngineLoadedBefore() {
    Engine.getEngine("PyTorch");
    JniUtils.setNumThreads(2);
    assertEquals(2, JniUtils.getNumThreads(), "the engine took the earlier count");
    TorchThreads.useOne();
    assertEquals(1, JniUtils.getNumThreads());
  }
}
