package org.axdse.explorer.training.net;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;

/** Reads a block's trained parameters as float arrays. */
final class Params {
  private Params() {}

  static float[] of(Block block, String name) {
    Parameter p = block.getParameters().get(name);
    if (p == null || !p.isInitialized()) {
      throw new IllegalStateException("parameter " + name + " of " + block + " is missing or not initialized");
    }
    return p.getArray().toFloatArray();
  }
}
