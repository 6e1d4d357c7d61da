package org.axdse.simulator.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.multipliers.util.IoProblems;

/**
 * Reads the CIFAR-10 binary format (Krizhevsky 2009, https://www.cs.toronto.edu/~kriz/cifar.html): records of
 * one label byte (0 to 9) followed by 3,072 pixel bytes, the 32x32 red, green and blue planes in row-major order,
 * which is already CHW. The training split is {@code data_batch_1.bin} to {@code data_batch_5.bin} (whichever
 * exist), the test split {@code test_batch.bin}; class names come from {@code batches.meta.txt} when present.
 */
public final class CifarFiles {
  static final int SIDE = 32;
  static final int IMAGE_BYTES = 3 * SIDE * SIDE;
  static final int RECORD_BYTES = 1 + IMAGE_BYTES;
  static final int CLASSES = 10;

  private CifarFiles() {}

  /**
   * The {@code split} of the CIFAR-10 directory {@code dir}; if {@code dir} is a single batch file, that file
   * whatever the split.
   */
  public static Dataset load(Path dir, Split split) {
    if (Files.isRegularFile(dir)) {
      return loadFiles(List.of(dir), "cifar10/" + dir.getFileName(), metaNextTo(dir.toAbsolutePath().getParent()));
    }
    if (!Files.isDirectory(dir)) {
      throw BadInputException.in(dir, "no such directory");
    }
    List<Path> files = new ArrayList<>();
    if (split == Split.TRAIN) {
      for (int b = 1; b <= 5; b++) {
        Path p = dir.resolve("data_batch_" + b + ".bin");
        if (Files.isRegularFile(p)) {
          files.add(p);
        }
      }
    } else if (Files.isRegularFile(dir.resolve("test_batch.bin"))) {
      files.add(dir.resolve("test_batch.bin"));
    }
    if (files.isEmpty()) {
      throw BadInputException.in(dir, "no CIFAR-10 " + split.label() + " batch ("
          + (split == Split.TRAIN ? "data_batch_1.bin .. data_batch_5.bin" : "test_batch.bin") + ")");
    }
    return loadFiles(files, "cifar10/" + split.label(), metaNextTo(dir));
  }

  /** Concatenates the records of {@code files}, in order. */
  public static Dataset loadFiles(List<Path> files, String name, List<String> classNames) {
    long total = 0;
    for (Path f : files) {
      long size = FileBytes.size(f);
      if (size == 0 || size % RECORD_BYTES != 0) {
        throw BadInputException.in(f, "size " + size + " bytes is not a positive multiple of the "
            + RECORD_BYTES + "-byte CIFAR-10 record");
      }
      total += size / RECORD_BYTES;
    }
    if (total * IMAGE_BYTES > FileBytes.MAX_ARRAY) {
      throw new BadInputException(files.get(0) + ": " + total + " CIFAR-10 images are too many to hold in memory");
    }
    byte[] pixels = new byte[(int) (total * IMAGE_BYTES)];
    int[] labels = new int[(int) total];
    int image = 0;
    for (Path f : files) {
      byte[] data = FileBytes.readPlain(f);
      if (data.length % RECORD_BYTES != 0) {
        throw BadInputException.in(f, "file changed while reading");
      }
      for (int r = 0; r < data.length / RECORD_BYTES; r++, image++) {
        int label = data[r * RECORD_BYTES] & 0xFF;
        if (label >= CLASSES) {
          throw BadInputException.in(f, "record " + r + " (byte offset " + (long) r * RECORD_BYTES + ") has label "
              + label + ", expected 0 to 9");
        }
        labels[image] = label;
        System.arraycopy(data, r * RECORD_BYTES + 1, pixels, image * IMAGE_BYTES, IMAGE_BYTES);
      }
    }
    String source = files.size() == 1 ? files.get(0).toString()
        : files.get(0).toAbsolutePath().getParent() + "/" + String.join(",",
            files.stream().map(p -> p.getFileName().toString()).toList());
    return Dataset.wrap(name, source, 3, SIDE, SIDE, pixels, labels, classNames);
  }

  /** Class names from {@code batches.meta.txt} in {@code dir}, or {@code 0..9} if there is none. */
  static List<String> metaNextTo(Path dir) {
    Path meta = dir == null ? null : dir.resolve("batches.meta.txt");
    if (meta == null || !Files.isRegularFile(meta)) {
      return Dataset.numberedClasses(CLASSES);
    }
    if (FileBytes.size(meta) > 1 << 16) {
      throw BadInputException.in(meta, "too large for a list of 10 class names");
    }
    try {
      List<String> names = Files.readAllLines(meta, StandardCharsets.UTF_8).stream()
          .map(String::strip).filter(s -> !s.isEmpty()).toList();
      if (names.size() != CLASSES) {
        throw BadInputException.in(meta, names.size() + " class names, expected " + CLASSES
            + " (one per line, in label order)");
      }
      return names;
    } catch (IOException e) {
      throw IoProblems.badInput(meta, e);
    }
  }
}
