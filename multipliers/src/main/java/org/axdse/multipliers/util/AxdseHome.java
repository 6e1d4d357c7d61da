package org.axdse.multipliers.util;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The axdse directory a user or the launcher named: the system property {@code axdse.home}, else the environment
 * variable {@code AXDSE_HOME} (the {@code ./axdse} launcher exports it); empty when neither is set. Each caller
 * decides its own fallback (the demo: the code's location; the benchmarks: the working directory).
 */
public final class AxdseHome {
  private AxdseHome() {}

  /** The configured directory, absolute and normalised, or empty. */
  public static Optional<Path> configured() {
    String p = System.getProperty("axdse.home");
    if (p == null || p.isBlank()) {
      p = System.getenv("AXDSE_HOME");
    }
    return p == null || p.isBlank() ? Optional.empty() : Optional.of(Path.of(p).toAbsolutePath().normalize());
  }
}
