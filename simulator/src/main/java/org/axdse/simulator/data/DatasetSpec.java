package org.axdse.simulator.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.axdse.multipliers.util.BadInputException;

/**
 * Where a dataset comes from, as written on the command line ({@code --data SPEC}):
 *
 * <ul>
 *   <li>{@code fashion-mnist}: Fashion-MNIST from the Debian package {@code dataset-fashion-mnist};
 *   <li>{@code fashion-mnist:DIR}, {@code mnist:DIR}: IDX files ({@code train-images-idx3-ubyte[.gz]},
 *       {@code t10k-labels-idx1-ubyte[.gz]}, ...) in {@code DIR};
 *   <li>{@code idx:IMAGES,LABELS}: one pair of IDX files (the split is ignored);
 *   <li>{@code cifar10:DIR}: CIFAR-10 binary batches in {@code DIR} (or one batch file);
 *   <li>{@code npy:IMAGES.npy,LABELS.npy}: numpy arrays (the split is ignored), see {@link NpyDatasets}.
 * </ul>
 */
public record DatasetSpec(Kind kind, List<Path> paths) {
  /** The source formats. */
  public enum Kind {
    FASHION_MNIST_DEBIAN("fashion-mnist", 0),
    FASHION_MNIST("fashion-mnist", 1),
    MNIST("mnist", 1),
    IDX("idx", 2),
    CIFAR10("cifar10", 1),
    NPY("npy", 2);

    private final String prefix;
    private final int pathCount;

    Kind(String prefix, int pathCount) {
      this.prefix = prefix;
      this.pathCount = pathCount;
    }
  }

  static final String FORMS = "fashion-mnist, fashion-mnist:DIR, mnist:DIR, idx:IMAGES,LABELS, cifar10:DIR, "
      + "npy:IMAGES.npy,LABELS.npy";

  public DatasetSpec {
    Objects.requireNonNull(kind, "kind");
    paths = List.copyOf(paths);
    if (paths.size() != kind.pathCount) {
      throw new IllegalArgumentException(kind + " takes " + kind.pathCount + " paths, got " + paths.size());
    }
  }

  /** Parses a spec string; a malformed one gets a one-line error that lists the accepted forms. */
  public static DatasetSpec parse(String spec) {
    if (spec == null || spec.isBlank()) {
      throw new BadInputException("dataset spec is empty; expected one of " + FORMS);
    }
    String s = spec.strip();
    int colon = s.indexOf(':');
    String prefix = colon < 0 ? s : s.substring(0, colon);
    String rest = colon < 0 ? null : s.substring(colon + 1);
    if (prefix.equals("fashion-mnist") && rest == null) {
      return new DatasetSpec(Kind.FASHION_MNIST_DEBIAN, List.of());
    }
    for (Kind k : Kind.values()) {
      if (k.pathCount == 0 || !k.prefix.equals(prefix)) {
        continue;
      }
      String usage = k.pathCount == 1 ? prefix + ":DIR" : prefix + ":IMAGES,LABELS";
      if (rest == null || rest.isBlank()) {
        throw new BadInputException("dataset spec '" + spec + "': missing path, expected " + usage);
      }
      String[] parts = k.pathCount == 1 ? new String[] {rest} : rest.split(",", -1);
      if (parts.length != k.pathCount) {
        throw new BadInputException("dataset spec '" + spec + "': expected " + usage + " (two paths separated by"
            + " a comma), got " + parts.length + " path(s)");
      }
      Path[] paths = new Path[parts.length];
      for (int i = 0; i < parts.length; i++) {
        if (parts[i].isBlank()) {
          throw new BadInputException("dataset spec '" + spec + "': empty path, expected " + usage);
        }
        try {
          paths[i] = Path.of(parts[i].strip());
        } catch (java.nio.file.InvalidPathException e) {
          throw new BadInputException("dataset spec '" + spec + "': invalid path '" + parts[i] + "'");
        }
      }
      return new DatasetSpec(k, List.of(paths));
    }
    throw new BadInputException("dataset spec '" + spec + "': unknown dataset kind '" + prefix
        + "'; expected one of " + FORMS);
  }

  /** Loads the {@code split}; {@code idx:} and {@code npy:} specs name one pair of files and ignore it. */
  public Dataset load(Split split) {
    Objects.requireNonNull(split, "split");
    return switch (kind) {
      case FASHION_MNIST_DEBIAN -> idxDir(DebianDatasets.fashionMnistDir(), split, "fashion-mnist",
          IdxFiles.FASHION_CLASSES);
      case FASHION_MNIST -> idxDir(paths.get(0), split, "fashion-mnist", IdxFiles.FASHION_CLASSES);
      case MNIST -> idxDir(paths.get(0), split, "mnist", Dataset.numberedClasses(10));
      case IDX -> IdxFiles.load(paths.get(0), paths.get(1), "idx/" + paths.get(0).getFileName(), null);
      case CIFAR10 -> CifarFiles.load(paths.get(0), split);
      case NPY -> NpyDatasets.load(paths.get(0), paths.get(1));
    };
  }

  private static Dataset idxDir(Path dir, Split split, String name, List<String> classes) {
    return IdxFiles.load(IdxFiles.find(dir, split, "images"), IdxFiles.find(dir, split, "labels"),
        name + "/" + split.label(), classes);
  }

  @Override
  public String toString() {
    return switch (kind) {
      case FASHION_MNIST_DEBIAN -> "fashion-mnist";
      case FASHION_MNIST, MNIST, CIFAR10 -> kind.prefix + ":" + paths.get(0);
      case IDX, NPY -> kind.prefix + ":" + paths.get(0) + "," + paths.get(1);
    };
  }
}
