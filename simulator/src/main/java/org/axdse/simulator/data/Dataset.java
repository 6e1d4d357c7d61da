package org.axdse.simulator.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.axdse.multipliers.util.BadInputException;

/**
 * An immutable set of labelled 8-bit images, all of the same shape {@code [channels, height, width]}. Pixels are
 * kept in one flat array, image after image, each image in CHW order (channel planes, then rows, then columns);
 * labels are class indices in {@code [0, classCount)}.
 *
 * <p>Subsets share nothing mutable with their parent: {@link #limit}, {@link #subset} and {@link #select} copy the
 * chosen images.
 */
public final class Dataset {
  private final String name;
  private final String source;
  private final int channels;
  private final int height;
  private final int width;
  private final byte[] pixels;
  private final int[] labels;
  private final List<String> classNames;

  private Dataset(String name, String source, int channels, int height, int width, byte[] pixels, int[] labels,
      List<String> classNames) {
    this.name = Objects.requireNonNull(name, "name");
    this.source = Objects.requireNonNull(source, "source");
    this.classNames = List.copyOf(classNames);
    if (channels < 1 || height < 1 || width < 1) {
      throw new IllegalArgumentException("image shape must be positive, got " + channels + "x" + height + "x" + width);
    }
    long imageBytes = (long) channels * height * width;
    if (labels.length == 0) {
      throw new IllegalArgumentException(name + ": a dataset needs at least one image");
    }
    if (imageBytes * labels.length != pixels.length) {
      throw new IllegalArgumentException(name + ": " + pixels.length + " pixel bytes for " + labels.length
          + " images of " + imageBytes + " bytes");
    }
    if (this.classNames.isEmpty()) {
      throw new IllegalArgumentException(name + ": no classes");
    }
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= this.classNames.size()) {
        throw new IllegalArgumentException(name + ": label " + labels[i] + " of image " + i + " is not in [0, "
            + this.classNames.size() + ")");
      }
    }
    this.channels = channels;
    this.height = height;
    this.width = width;
    this.pixels = pixels;
    this.labels = labels;
  }

  /** A dataset holding copies of {@code pixels} (flat, CHW per image) and {@code labels}. */
  public static Dataset of(String name, String source, int channels, int height, int width, byte[] pixels,
      int[] labels, List<String> classNames) {
    return new Dataset(name, source, channels, height, width, pixels.clone(), labels.clone(), classNames);
  }

  /** Like {@link #of} but takes ownership of the arrays; loaders use it to avoid a second copy. */
  static Dataset wrap(String name, String source, int channels, int height, int width, byte[] pixels,
      int[] labels, List<String> classNames) {
    return new Dataset(name, source, channels, height, width, pixels, labels, classNames);
  }

  /** Class names {@code "0"} to {@code "k-1"}, for sources that carry no names. */
  public static List<String> numberedClasses(int count) {
    return java.util.stream.IntStream.range(0, count).mapToObj(Integer::toString).toList();
  }

  public String name() {
    return name;
  }

  /** Where the images came from: a path, or a description such as {@code dpkg dataset-fashion-mnist}. */
  public String source() {
    return source;
  }

  /**
   * Where the labels came from: the label file of an {@code IMAGES,LABELS} source, otherwise {@link #source()}.
   */
  public String labelSource() {
    int comma = source.lastIndexOf(',');
    return comma > 0 ? source.substring(comma + 1) : source;
  }

  /**
   * A one-line error unless every label is below {@code classes} (the model's outputs); it names the label file,
   * the first label out of range and its image.
   */
  public void checkLabelsBelow(int classes) {
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] >= classes) {
        throw new BadInputException(labelSource() + ": label " + labels[i] + " of image " + i
            + " is not a class of the model (it has " + classes + " outputs)");
      }
    }
  }

  public int size() {
    return labels.length;
  }

  public int channels() {
    return channels;
  }

  public int height() {
    return height;
  }

  public int width() {
    return width;
  }

  /** Bytes per image, {@code channels * height * width}. */
  public int imageBytes() {
    return channels * height * width;
  }

  public int classCount() {
    return classNames.size();
  }

  public List<String> classNames() {
    return classNames;
  }

  public int label(int image) {
    return labels[checkIndex(image)];
  }

  /** A copy of all labels, in image order. */
  public int[] labels() {
    return labels.clone();
  }

  /** A copy of one image's pixels in CHW order. */
  public byte[] image(int image) {
    int n = imageBytes();
    return Arrays.copyOfRange(pixels, checkIndex(image) * n, (image + 1) * n);
  }

  /** Copies one image's pixels (CHW) into {@code dst} at {@code offset}, for batching without garbage. */
  public void copyImage(int image, byte[] dst, int offset) {
    int n = imageBytes();
    System.arraycopy(pixels, checkIndex(image) * n, dst, offset, n);
  }

  /** One pixel as an unsigned value in {@code [0, 255]}. */
  public int pixel(int image, int channel, int y, int x) {
    Objects.checkIndex(channel, channels);
    Objects.checkIndex(y, height);
    Objects.checkIndex(x, width);
    return pixels[checkIndex(image) * imageBytes() + (channel * height + y) * width + x] & 0xFF;
  }

  /** Number of images of each class. */
  public int[] classCounts() {
    int[] counts = new int[classCount()];
    for (int label : labels) {
      counts[label]++;
    }
    return counts;
  }

  /** The first {@code n} images (all of them if {@code n >= size()}). */
  public Dataset limit(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("limit must be at least 1, got " + n);
    }
    if (n >= size()) {
      return this;
    }
    int[] indices = new int[n];
    Arrays.setAll(indices, i -> i);
    return select(indices, name + "[:" + n + "]");
  }

  /**
   * A fixed random sample of {@code n} distinct images (all of them if {@code n >= size()}), kept in their
   * original order. Algorithm: the first {@code n} steps of a Fisher-Yates shuffle of {@code 0..size()-1}
   * (step {@code i} swaps position {@code i} with {@code i + nextInt(size() - i)}) driven by
   * SplitMix64 seeded with {@code seed}, then the chosen indices sorted ascending. The same seed and dataset give
   * the same subset on every machine and JDK.
   */
  public Dataset subset(int n, long seed) {
    return select(subsetIndices(size(), n, seed), name + "[random " + n + ", seed " + seed + "]");
  }

  /** The indices {@link #subset} picks from a dataset of {@code size} images. */
  public static int[] subsetIndices(int size, int n, long seed) {
    if (n < 1) {
      throw new IllegalArgumentException("subset size must be at least 1, got " + n);
    }
    int[] order = new int[size];
    Arrays.setAll(order, i -> i);
    int take = Math.min(n, size);
    SplitMix64 random = new SplitMix64(seed);
    for (int i = 0; i < take && i < size - 1; i++) {
      int j = i + random.nextInt(size - i);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    int[] chosen = Arrays.copyOf(order, take);
    Arrays.sort(chosen);
    return chosen;
  }

  /** The images at {@code indices}, in that order (repeats allowed). */
  public Dataset select(int[] indices) {
    return select(indices, name + "[selected " + indices.length + "]");
  }

  /** As {@link #select(int[])}, named {@code newName}. */
  Dataset select(int[] indices, String newName) {
    int n = imageBytes();
    byte[] out = new byte[Math.multiplyExact(indices.length, n)];
    int[] outLabels = new int[indices.length];
    for (int k = 0; k < indices.length; k++) {
      int i = checkIndex(indices[k]);
      System.arraycopy(pixels, i * n, out, k * n, n);
      outLabels[k] = labels[i];
    }
    return new Dataset(newName, source, channels, height, width, out, outLabels, classNames);
  }

  private int checkIndex(int image) {
    return Objects.checkIndex(image, labels.length);
  }

  @Override
  public String toString() {
    return name + " (" + size() + " images " + channels + "x" + height + "x" + width + ", " + classCount()
        + " classes, from " + source + ")";
  }
}
