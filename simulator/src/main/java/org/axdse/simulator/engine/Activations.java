package org.axdse.simulator.engine;

import org.axdse.simulator.model.Shape;

/**
 * The code buffers of every tensor of one engine, allocated once for the largest batch and reused by every run.
 * A tensor is stored sample-major ({@code [batch][d0][rest]}, as the float model) or channel-major
 * ({@code [d0][batch][rest]}, the layout of the convolution kernels); its layout is fixed when the engine is
 * compiled. {@link #read} converts on demand into a second buffer, once per run.
 */
final class Activations {
  private final int maxBatch;
  private final int[] perSample;
  private final int[] dim0;
  private final boolean[] channelMajor;
  private final byte[][] data;
  private final byte[][] converted;
  private final int[] convertedStamp;
  private int stamp;
  private int batch;

  Activations(Shape[] shapes, boolean[] channelMajor, int maxBatch) {
    this.maxBatch = maxBatch;
    int n = shapes.length;
    this.perSample = new int[n];
    this.dim0 = new int[n];
    this.channelMajor = channelMajor.clone();
    this.data = new byte[n][];
    this.converted = new byte[n][];
    this.convertedStamp = new int[n];
    for (int t = 0; t < n; t++) {
      perSample[t] = shapes[t].size();
      dim0[t] = shapes[t].rank() == 0 ? 1 : shapes[t].dim(0);
    }
  }

  /** Starts a run of {@code batch} samples: earlier conversions become stale. */
  void begin(int batch) {
    if (batch < 1 || batch > maxBatch) {
      throw new IllegalArgumentException("batch " + batch + " outside 1.." + maxBatch);
    }
    this.batch = batch;
    stamp++;
  }

  int batch() {
    return batch;
  }

  int maxBatch() {
    return maxBatch;
  }

  boolean channelMajor(int t) {
    return channelMajor[t];
  }

  int perSample(int t) {
    return perSample[t];
  }

  /** The buffer tensor {@code t} is written to, in its own layout. */
  byte[] write(int t) {
    if (data[t] == null) {
      data[t] = new byte[Math.multiplyExact(maxBatch, perSample[t])];
    }
    return data[t];
  }

  /** Tensor {@code t} in the requested layout (converted into a second buffer when it is stored otherwise). */
  byte[] read(int t, boolean wantChannelMajor) {
    if (channelMajor[t] == wantChannelMajor) {
      return write(t);
    }
    if (converted[t] == null) {
      converted[t] = new byte[Math.multiplyExact(maxBatch, perSample[t])];
    }
    if (convertedStamp[t] != stamp) {
      int rest = perSample[t] / dim0[t];
      transpose(data[t], converted[t], channelMajor[t] ? dim0[t] : batch, channelMajor[t] ? batch : dim0[t], rest);
      convertedStamp[t] = stamp;
    }
    return converted[t];
  }

  /** Swaps the two outer axes of {@code [a][b][rest]} into {@code [b][a][rest]}. */
  static void transpose(byte[] src, byte[] dst, int a, int b, int rest) {
    for (int i = 0; i < a; i++) {
      for (int j = 0; j < b; j++) {
        System.arraycopy(src, (i * b + j) * rest, dst, (j * a + i) * rest, rest);
      }
    }
  }
}
