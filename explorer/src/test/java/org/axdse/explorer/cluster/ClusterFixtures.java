package org.axdse.explorer.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.axdse.explorer.search.SearchSettings;

/** Helpers for cluster tests: loopback ports, secret files, options and the small synthetic search they run. */
final class ClusterFixtures {
  static final String SECRET = "correct horse battery staple";

  private ClusterFixtures() {}

  /** A port that was free on 127.0.0.1 a moment ago. */
  static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path secretFile(Path dir, String secret) {
    try {
      Path f = Files.createTempFile(dir, "secret", ".txt");
      Files.writeString(f, secret + "\n");
      return f;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Options for a member on 127.0.0.1:{@code port} joining {@code members}, with a 3-second failure timeout. */
  static ClusterOptions options(String name, String secret, int port, List<Integer> members) {
    return new ClusterOptions(name, members.stream().map(p -> "127.0.0.1:" + p).toList(), "127.0.0.1", port,
        ClusterSecret.of(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8)), 3);
  }

  /** The small search the cluster tests run: 8 layers, population 16, 4 generations, screening 100 images. */
  static SearchSettings settings(String model, int threads) {
    return SearchSettings.builder().setModel(model).setData("synthetic-data").setGenerations(4).optSeed(21)
        .optPopulation(16).optThreads(threads).optScreeningImages(100).build();
  }
}
