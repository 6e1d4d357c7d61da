package org.axdse.multipliers.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AxdseHomeTest {
  @TempDir Path tmp;

  @Test
  void thePropertyWinsAndBlankFallsBackToTheEnvironment() {
    String before = System.getProperty("axdse.home");
    try {
      System.setProperty("axdse.home", tmp.resolve("a/../b").toString());
      assertEquals(Optional.of(tmp.resolve("b").toAbsolutePath()), AxdseHome.configured());
      System.setProperty("axdse.home", " ");
      String env = System.getenv("AXDSE_HOME");
      Optional<Path> expected = env == null || env.isBlank() ? Optional.empty()
          : Optional.of(Path.of(env).toAbsolutePath().normalize());
      assertEquals(expected, AxdseHome.configured());
    } finally {
      if (before == null) {
        System.clearProperty("axdse.home");
      } else {
        System.setProperty("axdse.home", before);
      }
    }
  }
}
