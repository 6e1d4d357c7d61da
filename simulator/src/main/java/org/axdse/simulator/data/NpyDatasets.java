package org.axdse.simulator.data;

import java.nio.file.Path;
import org.axdse.multipliers.io.Npy;
import org.axdse.multipliers.util.BadInputException;

/**
 * Builds a dataset from two numpy files, for users coming from Python: images as {@code uint8} of shape
 * {@code (N, H, W)} (one channel), {@code (N, C, H, W)} or {@code (N, H, W, C)}, and labels of any integer dtype
 * with shape {@code (N,)} or {@code (N, 1)}. A 4-D array is read as channels-last (NHWC) when its last axis has
 * length 1, 3 or 4 and its axis 1 does not; otherwise as channels-first (NCHW). Channels-last images are
 * transposed to CHW. Classes are numbered {@code 0} to the largest label.
 */
public final class NpyDatasets {
  /** Labels above this are rejected as a likely mistake (a float array saved as integers, say). */
  static final int MAX_CLASSES = 1 << 16;

  private NpyDatasets() {}

  public static Dataset load(Path images, Path labels) {
    Npy im = Npy.read(images, FileBytes.MAX_ARRAY);
    if (im.dtype() != Npy.DType.U1) {
      throw BadInputException.in(images, "images must be uint8 ('|u1'), got '" + im.dtype().descr()
          + "'; save them with a.astype(np.uint8)");
    }
    long[] s = im.shape();
    int n;
    int c;
    int h;
    int w;
    boolean channelsLast = false;
    if (s.length == 3) {
      n = (int) s[0];
      c = 1;
      h = (int) s[1];
      w = (int) s[2];
    } else if (s.length == 4) {
      channelsLast = isChannelCount(s[3]) && !isChannelCount(s[1]);
      n = (int) s[0];
      c = (int) (channelsLast ? s[3] : s[1]);
      h = (int) (channelsLast ? s[1] : s[2]);
      w = (int) (channelsLast ? s[2] : s[3]);
    } else {
      throw BadInputException.in(images, "image array has shape " + im.shapeText()
          + "; expected (N, H, W), (N, C, H, W) or (N, H, W, C)");
    }
    if (n < 1 || c < 1 || h < 1 || w < 1) {
      throw BadInputException.in(images, "image array of shape " + im.shapeText() + " holds no pixels");
    }
    byte[] pixels = channelsLast ? toChw(im.toByteArray(), n, h, w, c) : im.toByteArray();
    int[] lab = readLabels(labels, n, images);
    int max = 0;
    for (int v : lab) {
      max = Math.max(max, v);
    }
    String name = String.valueOf(images.getFileName());
    return Dataset.wrap(name, images + "," + labels, c, h, w, pixels, lab, Dataset.numberedClasses(max + 1));
  }

  private static boolean isChannelCount(long d) {
    return d == 1 || d == 3 || d == 4;
  }

  /** NHWC to NCHW. */
  static byte[] toChw(byte[] hwc, int n, int h, int w, int c) {
    byte[] out = new byte[hwc.length];
    int plane = h * w;
    for (int i = 0; i < n; i++) {
      int base = i * plane * c;
      for (int p = 0; p < plane; p++) {
        for (int ch = 0; ch < c; ch++) {
          out[base + ch * plane + p] = hwc[base + p * c + ch];
        }
      }
    }
    return out;
  }

  private static int[] readLabels(Path file, int n, Path images) {
    Npy a = Npy.read(file, FileBytes.MAX_ARRAY);
    if (!a.dtype().isInteger()) {
      throw BadInputException.in(file, "labels must be integers, got dtype '" + a.dtype().descr() + "'");
    }
    long[] s = a.shape();
    boolean shapeOk = (s.length == 1 || s.length == 2 && s[1] == 1) && s[0] == n;
    if (!shapeOk) {
      throw BadInputException.in(file, "label array has shape " + a.shapeText() + "; expected (" + n
          + ",) to match the " + n + " images of " + images);
    }
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      long v = a.getLong(i);
      if (v < 0 || v >= MAX_CLASSES) {
        throw BadInputException.in(file, "label " + (a.dtype() == Npy.DType.U8 && v < 0 ? Long.toUnsignedString(v) : v)
            + " at index " + i + " is not a class index in [0, " + MAX_CLASSES + ")");
      }
      labels[i] = (int) v;
    }
    return labels;
  }
}
