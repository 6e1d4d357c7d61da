package org.axdse.explorer.training.graph;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The random part of model emulation: standard normal draws from PyTorch's generator seeded, just before they
 * are drawn, with a mix of the retraining seed, the global step (epoch and step within it) and the layer index,
 * so they are a function of that key alone: a run repeats from its seed, and a resumed run draws what the
 * uninterrupted one drew (PyTorch runs on one thread for retraining, whatever {@code --threads} says).
 */
final class ChannelNoise {
  private ChannelNoise() {}

  /** Standard normal values of {@code shape} in {@code m}, drawn for {@code (seed, step, layer)}. */
  static NDArray standardNormal(NDManager m, Shape shape, long seed, long step, int layer) {
    synchronized (ChannelNoise.class) {
      Engine.getInstance().setRandomSeed((int) key(seed, step, layer));
      return m.randomNormal(shape);
    }
  }

  /**
   * {@code values} (one per channel) shaped to broadcast against a batch-first tensor of {@code shape} whose
   * channels are axis 1 ({@code channelAxis1}, a convolution output) or the last axis (a dense output).
   */
  static NDArray perChannel(NDManager m, float[] values, Shape shape, boolean channelAxis1) {
    long[] dims = new long[shape.dimension() - 1];
    java.util.Arrays.fill(dims, 1);
    dims[channelAxis1 ? 0 : dims.length - 1] = values.length;
    return m.create(values, new Shape(dims));
  }

  /** A key from the three numbers (Stafford's mix 13 of each, chained), so nearby keys give unrelated draws. */
  static long key(long seed, long step, int layer) {
    return mix(mix(mix(seed) ^ step) ^ layer);
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
