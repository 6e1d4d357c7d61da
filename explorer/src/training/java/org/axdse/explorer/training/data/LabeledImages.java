package org.axdse.explorer.training.data;

/**
 * Grey images with class labels: {@code count} images of {@code rows x cols} unsigned bytes, row-major, one
 * after another in {@code pixels}.
 */
public record LabeledImages(int count, int rows, int cols, byte[] pixels, int[] labels) {
  public LabeledImages {
    if (count < 0 || rows <= 0 || cols <= 0) {
      throw new IllegalArgumentException("bad sizes " + count + " x " + rows + " x " + cols);
    }
    if (pixels.length != (long) count * rows * cols || labels.length != count) {
      throw new IllegalArgumentException("pixel or label count does not match " + count + " images");
    }
  }

  /** The first {@code n} images. */
  public LabeledImages head(int n) {
    int k = Math.min(n, count);
    return new LabeledImages(k, rows, cols, java.util.Arrays.copyOf(pixels, k * rows * cols),
        java.util.Arrays.copyOf(labels, k));
  }
}
