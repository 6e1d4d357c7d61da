package org.axdse.simulator.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The project's shared CIFAR-10 folder ({@code shared/cifar10} beside the checkout: test and training batches and the
 * third-party ResNet-20), found by walking up from a directory. The benches default to it; tests that need it skip
 * or fail where it is absent. A user's own copy is always named with {@code --data cifar10:DIR}.
 */
public final class SharedCifar {
  private SharedCifar() {}

  /** The first {@code shared/cifar10} or {@code ../shared/cifar10} directory at or above {@code start}. */
  public static Optional<Path> above(Path start) {
    for (Path p = start.toAbsolutePath(); p != null; p = p.getParent()) {
      for (Path c : new Path[] {p.resolve("shared/cifar10"), p.resolve("../shared/cifar10")}) {
        if (Files.isDirectory(c)) {
          return Optional.of(c.normalize());
        }
      }
    }
    return Optional.empty();
  }

  /** {@link #above} from the working directory. */
  public static Optional<Path> aboveWorkingDirectory() {
    return above(Path.of(""));
  }
}
