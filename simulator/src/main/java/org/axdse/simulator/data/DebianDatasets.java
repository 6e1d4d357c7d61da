package org.axdse.simulator.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axdse.multipliers.util.BadInputException;

/**
 * Finds datasets installed by Debian packages. Fashion-MNIST comes from {@code dataset-fashion-mnist}: its files
 * are listed with {@code dpkg -L}, and {@code /usr/share/datasets/fashion-mnist} is the fallback when dpkg is
 * missing or does not know the package.
 */
final class DebianDatasets {
  static final String FASHION_PACKAGE = "dataset-fashion-mnist";
  static final Path FASHION_FALLBACK = Path.of("/usr/share/datasets/fashion-mnist");

  private DebianDatasets() {}

  /** The directory holding the Fashion-MNIST IDX files of the Debian package. */
  static Path fashionMnistDir() {
    for (String line : dpkgList(FASHION_PACKAGE)) {
      if (line.endsWith("/t10k-images-idx3-ubyte.gz")) {
        Path dir = Path.of(line).getParent();
        if (Files.isDirectory(dir)) {
          return dir;
        }
      }
    }
    if (Files.isDirectory(FASHION_FALLBACK)) {
      return FASHION_FALLBACK;
    }
    throw new BadInputException("fashion-mnist: the Debian package " + FASHION_PACKAGE + " is not installed ("
        + "apt-get install " + FASHION_PACKAGE + ") and " + FASHION_FALLBACK
        + " does not exist; or point at your own copy with fashion-mnist:DIR");
  }

  /** The lines of {@code dpkg -L pkg}, or none if dpkg is absent, fails or takes more than 10 seconds. */
  static List<String> dpkgList(String pkg) {
    Process p;
    try {
      p = new ProcessBuilder("dpkg", "-L", pkg).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException e) {
      return List.of();
    }
    try (InputStream out = p.getInputStream()) {
      byte[] bytes = out.readNBytes(1 << 20);
      if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
        return List.of();
      }
      return new String(bytes, StandardCharsets.UTF_8).lines().map(String::strip).toList();
    } catch (IOException e) {
      return List.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    } finally {
      p.destroy();
    }
  }
}
