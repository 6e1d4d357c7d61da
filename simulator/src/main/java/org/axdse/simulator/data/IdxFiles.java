package org.axdse.simulator.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.axdse.multipliers.util.BadInputException;

/**
 * Reads the IDX format of MNIST and Fashion-MNIST (LeCun et al., http://yann.lecun.com/exdb/mnist/): an image
 * file with magic {@code 0x00000803}, big-endian count, rows and columns, then unsigned bytes; and a label file
 * with magic {@code 0x00000801}, big-endian count, then one unsigned byte per label. Each file may be gzip
 * compressed (detected by its magic bytes, not its name).
 */
public final class IdxFiles {
  static final int IMAGES_MAGIC = 0x00000803;
  static final int LABELS_MAGIC = 0x00000801;

  /** Fashion-MNIST class names in label order (Xiao, Rasul and Vollgraf 2017). */
  public static final List<String> FASHION_CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress",
      "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

  private IdxFiles() {}

  /**
   * Loads an image file and a label file. With {@code classNames} null the classes are numbered {@code 0} to the
   * largest label; otherwise every label must index into {@code classNames}.
   */
  public static Dataset load(Path images, Path labels, String name, List<String> classNames) {
    Images im = readImages(images);
    int[] lab = readLabels(labels);
    if (lab.length != im.count) {
      throw BadInputException.in(labels, lab.length + " labels but " + images + " holds " + im.count + " images");
    }
    int max = 0;
    for (int i = 0; i < lab.length; i++) {
      if (classNames != null && lab[i] >= classNames.size()) {
        throw BadInputException.in(labels, "label " + lab[i] + " of image " + i + " is not in [0, "
            + classNames.size() + ")");
      }
      max = Math.max(max, lab[i]);
    }
    List<String> classes = classNames != null ? classNames : Dataset.numberedClasses(max + 1);
    return Dataset.wrap(name, images + "," + labels, 1, im.rows, im.cols, im.pixels, lab, classes);
  }

  private record Images(int count, int rows, int cols, byte[] pixels) {}

  private static Images readImages(Path file) {
    boolean plain = !FileBytes.isGzip(file);
    long fileSize = FileBytes.size(file);
    try (InputStream in = FileBytes.open(file)) {
      byte[] header = readHeader(in, 16, file, "image");
      int magic = FileBytes.bigEndianInt(header, 0);
      if (magic != IMAGES_MAGIC) {
        throw BadInputException.in(file, String.format("not an IDX image file: magic 0x%08x, expected 0x%08x%s",
            magic, IMAGES_MAGIC, magic == LABELS_MAGIC ? " (this is a label file)" : ""));
      }
      int count = FileBytes.bigEndianInt(header, 4);
      int rows = FileBytes.bigEndianInt(header, 8);
      int cols = FileBytes.bigEndianInt(header, 12);
      if (count < 1 || rows < 1 || cols < 1) {
        throw BadInputException.in(file, "bad dimensions: " + count + " images of " + rows + "x" + cols);
      }
      long bytes = (long) count * rows * cols;
      if ((long) rows * cols > FileBytes.MAX_ARRAY || bytes > FileBytes.MAX_ARRAY) {
        throw BadInputException.in(file, "header claims " + count + " images of " + rows + "x" + cols
            + ", too large");
      }
      if (plain && 16 + bytes != fileSize) {
        throw BadInputException.in(file, "header claims " + count + " images of " + rows + "x" + cols + " ("
            + (16 + bytes) + " bytes) but the file has " + fileSize + " bytes");
      }
      byte[] pixels = FileBytes.readExactly(in, bytes, file, count + " images of " + rows + "x" + cols);
      FileBytes.expectEnd(in, file);
      return new Images(count, rows, cols, pixels);
    } catch (IOException e) {
      throw FileBytes.failure(file, e);
    }
  }

  private static int[] readLabels(Path file) {
    boolean plain = !FileBytes.isGzip(file);
    long fileSize = FileBytes.size(file);
    try (InputStream in = FileBytes.open(file)) {
      byte[] header = readHeader(in, 8, file, "label");
      int magic = FileBytes.bigEndianInt(header, 0);
      if (magic != LABELS_MAGIC) {
        throw BadInputException.in(file, String.format("not an IDX label file: magic 0x%08x, expected 0x%08x%s",
            magic, LABELS_MAGIC, magic == IMAGES_MAGIC ? " (this is an image file)" : ""));
      }
      int count = FileBytes.bigEndianInt(header, 4);
      if (count < 1) {
        throw BadInputException.in(file, "bad label count " + count);
      }
      if (plain && 8L + count != fileSize) {
        throw BadInputException.in(file, "header claims " + count + " labels (" + (8L + count)
            + " bytes) but the file has " + fileSize + " bytes");
      }
      byte[] raw = FileBytes.readExactly(in, count, file, count + " labels");
      FileBytes.expectEnd(in, file);
      int[] labels = new int[count];
      for (int i = 0; i < count; i++) {
        labels[i] = raw[i] & 0xFF;
      }
      return labels;
    } catch (IOException e) {
      throw FileBytes.failure(file, e);
    }
  }

  private static byte[] readHeader(InputStream in, int length, Path file, String kind) throws IOException {
    byte[] header = in.readNBytes(length);
    int expected = kind.equals("image") ? IMAGES_MAGIC : LABELS_MAGIC;
    if (header.length >= 4 && FileBytes.bigEndianInt(header, 0) != expected) {
      // a wrong magic says more than a short header: let the caller report it
      return java.util.Arrays.copyOf(header, length);
    }
    if (header.length < length) {
      throw BadInputException.in(file, "truncated: an IDX " + kind + " header needs " + length + " bytes, found "
          + header.length);
    }
    return header;
  }

  /**
   * The IDX file of {@code dir} for {@code split} and {@code kind} ({@code images} or {@code labels}), trying the
   * usual names with and without {@code .gz}: {@code train-images-idx3-ubyte}, {@code train-images.idx3-ubyte},
   * {@code t10k-labels-idx1-ubyte} and so on.
   */
  static Path find(Path dir, Split split, String kind) {
    if (!Files.isDirectory(dir)) {
      throw BadInputException.in(dir, Files.exists(dir) ? "not a directory" : "no such directory");
    }
    String prefix = split == Split.TRAIN ? "train" : "t10k";
    String idx = kind.equals("images") ? "idx3-ubyte" : "idx1-ubyte";
    for (String sep : List.of("-", ".")) {
      for (String ext : List.of(".gz", "")) {
        Path p = dir.resolve(prefix + "-" + kind + sep + idx + ext);
        if (Files.isRegularFile(p)) {
          return p;
        }
      }
    }
    throw BadInputException.in(dir, "no " + prefix + "-" + kind + "-" + idx + "[.gz] for the " + split.label()
        + " split");
  }
}
