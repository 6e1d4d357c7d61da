package org.axdse.simulator.engine;

import java.nio.ByteBuffer;

/**
 * Per-image top-1 predictions and top-k hits of one model variant over a whole image set; the form in which the
 * float and exact reference passes are cached ({@link #toBytes}, {@link #fromBytes}).
 */
final class ReferenceResults {
  final int[] top1;
  final boolean[] topK;

  ReferenceResults(int n) {
    top1 = new int[n];
    topK = new boolean[n];
  }

  /** Accuracy over {@code indices} against {@code labels}; top-k only when {@code k > 0}. */
  Accuracy accuracy(int[] indices, int[] labels, int k) {
    int c1 = 0;
    int c5 = 0;
    for (int i : indices) {
      c1 += top1[i] == labels[i] ? 1 : 0;
      c5 += topK[i] ? 1 : 0;
    }
    return new Accuracy((double) c1 / indices.length, k > 0 ? (double) c5 / indices.length : null);
  }

  /** Image count, then per image its top-1 class (int) and top-k hit (one byte). */
  byte[] toBytes() {
    ByteBuffer b = ByteBuffer.allocate(4 + 5 * top1.length).putInt(top1.length);
    for (int i = 0; i < top1.length; i++) {
      b.putInt(top1[i]).put((byte) (topK[i] ? 1 : 0));
    }
    return b.array();
  }

  /** The results {@link #toBytes} wrote for {@code n} images; throws IllegalArgumentException when they do not fit. */
  static ReferenceResults fromBytes(byte[] bytes, int n, int classes) {
    if (bytes.length != 4 + 5 * n || ByteBuffer.wrap(bytes).getInt() != n) {
      throw new IllegalArgumentException("cached results are not for " + n + " images");
    }
    ByteBuffer b = ByteBuffer.wrap(bytes, 4, bytes.length - 4);
    ReferenceResults r = new ReferenceResults(n);
    for (int i = 0; i < n; i++) {
      r.top1[i] = b.getInt();
      byte hit = b.get();
      if (r.top1[i] < 0 || r.top1[i] >= classes || (hit & ~1) != 0) {
        throw new IllegalArgumentException("cached results hold an invalid prediction for image " + i);
      }
      r.topK[i] = hit == 1;
    }
    return r;
  }
}
