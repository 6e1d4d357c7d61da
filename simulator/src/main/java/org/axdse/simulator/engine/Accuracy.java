package org.axdse.simulator.engine;

/**
 * Classification accuracy over a set of images, as fractions in {@code [0, 1]}: top-1, and top-5 when the model
 * has more than 10 classes (else null).
 */
public record Accuracy(double top1, Double top5) {
  public Accuracy {
    if (!(top1 >= 0 && top1 <= 1) || (top5 != null && !(top5 >= 0 && top5 <= 1))) {
      throw new IllegalArgumentException("accuracy must be in [0, 1]: " + top1 + ", " + top5);
    }
  }
}
