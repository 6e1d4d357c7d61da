package org.axdse.explorer.training;

/**
 * How to train: {@code epochs} passes in mini-batches of {@code batchSize}, Adam from {@code learningRate} with a
 * cosine decay to 1 % of it, the order of the images (and the flips) drawn from {@code seed}. With {@code flips},
 * each training image is mirrored left-right with probability 1/2 (Fashion-MNIST's classes are mirror-symmetric),
 * a cheap augmentation against over-fitting.
 */
public record Schedule(int epochs, int batchSize, float learningRate, int seed, boolean flips) {
  public Schedule {
    if (epochs < 1 || batchSize < 1 || !(learningRate > 0) || !Float.isFinite(learningRate)) {
      throw new IllegalArgumentException("epochs, batch size and learning rate must be positive: " + epochs + ", "
          + batchSize + ", " + learningRate);
    }
  }

  /** Without flips. */
  public static Schedule of(int epochs, int batchSize, float learningRate, int seed) {
    return new Schedule(epochs, batchSize, learningRate, seed, false);
  }
}
