package org.axdse.explorer.training.data;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.axdse.multipliers.util.BadInputException;

/**
 * Reads Fashion-MNIST (Xiao et al. 2017) from gzip-compressed IDX files ({@code train-images-idx3-ubyte.gz},
 * {@code train-labels-idx1-ubyte.gz}, {@code t10k-...}). {@code --data fashion-mnist} means the Debian package's
 * copy in {@value #DEBIAN_DIR}; {@code fashion-mnist:DIR} a copy in DIR.
 */
public final class FashionMnist {
  public static final String DEBIAN_DIR = "/usr/share/datasets/fashion-mnist";
  private static final int IMAGES_MAGIC = 0x00000803;
  private static final int LABELS_MAGIC = 0x00000801;

  private FashionMnist() {}

  /** The directory a {@code --data} value names. */
  public static Path directory(String spec) {
    if (spec.equals("fashion-mnist")) {
      return Path.of(DEBIAN_DIR);
    }
    if (spec.startsWith("fashion-mnist:") && spec.length() > "fashion-mnist:".length()) {
      return Path.of(spec.substring("fashion-mnist:".length()));
    }
    throw new BadInputException("--data " + spec + ": unknown data set (use fashion-mnist or fashion-mnist:DIR)");
  }

  /** The 60,000 training images. */
  public static LabeledImages train(Path dir) {
    return load(dir, "train");
  }

  /** The 10,000 test images. */
  public static LabeledImages test(Path dir) {
    return load(dir, "t10k");
  }

  private static LabeledImages load(Path dir, String prefix) {
    Path imagesFile = dir.resolve(prefix + "-images-idx3-ubyte.gz");
    Path labelsFile = dir.resolve(prefix + "-labels-idx1-ubyte.gz");
    int count;
    int rows;
    int cols;
    byte[] pixels;
    try (DataInputStream in = open(imagesFile)) {
      expect(imagesFile, in.readInt(), IMAGES_MAGIC);
      count = in.readInt();
      rows = in.readInt();
      cols = in.readInt();
      if (count < 0 || rows <= 0 || cols <= 0 || (long) count * rows * cols > Integer.MAX_VALUE) {
        throw BadInputException.in(imagesFile, "bad IDX sizes " + count + " x " + rows + " x " + cols);
      }
      pixels = in.readNBytes(count * rows * cols);
      if (pixels.length != count * rows * cols) {
        throw BadInputException.in(imagesFile, "truncated: " + pixels.length + " of " + count * rows * cols
            + " pixel bytes");
      }
    } catch (IOException e) {
      throw BadInputException.in(imagesFile, "unreadable: " + e.getMessage());
    }
    int[] labels = new int[count];
    try (DataInputStream in = open(labelsFile)) {
      expect(labelsFile, in.readInt(), LABELS_MAGIC);
      int n = in.readInt();
      if (n != count) {
        throw BadInputException.in(labelsFile, n + " labels for " + count + " images");
      }
      byte[] raw = in.readNBytes(n);
      if (raw.length != n) {
        throw BadInputException.in(labelsFile, "truncated: " + raw.length + " of " + n + " labels");
      }
      for (int i = 0; i < n; i++) {
        labels[i] = raw[i] & 0xff;
      }
    } catch (IOException e) {
      throw BadInputException.in(labelsFile, "unreadable: " + e.getMessage());
    }
    return new LabeledImages(count, rows, cols, pixels, labels);
  }

  private static DataInputStream open(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw BadInputException.in(file, "no such file (install the Debian package dataset-fashion-mnist)");
    }
    InputStream raw = Files.newInputStream(file);
    return new DataInputStream(new GZIPInputStream(raw, 1 << 16));
  }

  private static void expect(Path file, int magic, int wanted) {
    if (magic != wanted) {
      throw BadInputException.in(file, String.format("not an IDX file of this kind (magic 0x%08x)", magic));
    }
  }
}
