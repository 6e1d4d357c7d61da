package org.axdse.explorer.training.graph;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The Gaussian noise of one approximate layer in a step: per output channel {@code c} of the layer's float
 * output, mean {@code mean[c]} and standard deviation {@code std[c]} (the error model's accumulator error
 * dequantized to the output: times {@code s_in * s_w[c]}). The standard normal draws come from PyTorch's generator
 * seeded with a mix of the retraining seed, the global step (epoch and step within it) and the layer index just
 * before they are drawn, so they are a function of that key alone: a run repeats from its seed, and a resumed run
 * draws what the uninterrupted one drew (PyTorch runs on one thread for retraining).
 */
record ChannelNoise(double[] mean, double[] std) {
  ChannelNoise {
    if (mean.length != std.length || mean.length == 0) {
      throw new IllegalArgumentException(mean.length + " means and " + std.length + " standard deviations");
    }
    mean = mean.clone();
    std = std.clone();
  }

  int channels() {
    return mean.length;
  }

  /**
   * The noise of a tensor of {@code shape} (batch first) whose channels are axis 1 ({@code channelAxis1}, a
   * convolution output) or the last axis (a dense output), drawn for {@code (seed, step, layer)} in {@code m}.
   */
  NDArray draw(NDManager m, Shape shape, boolean channelAxis1, long seed, long step, int layer) {
    long[] dims = new long[shape.dimension() - 1];
    java.util.Arrays.fill(dims, 1);
    if (channelAxis1) {
      dims[0] = channels();
    } else {
      dims[dims.length - 1] = channels();
    }
    Shape perChannel = new Shape(dims);
    float[] mu = new float[channels()];
    float[] sigma = new float[channels()];
    for (int c = 0; c < mu.length; c++) {
      mu[c] = (float) mean[c];
      sigma[c] = (float) std[c];
    }
    synchronized (ChannelNoise.class) {
      Engine.getInstance().setRandomSeed((int) key(seed, step, layer));
      NDArray z = m.randomNormal(shape);
      return z.mul(m.create(sigma, perChannel)).add(m.create(mu, perChannel));
    }
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
