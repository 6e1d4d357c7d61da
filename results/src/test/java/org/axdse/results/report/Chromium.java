package org.axdse.results.report;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Chromium for the report's browser tests: where it is, and the flags every test starts it with (no
 * network, no first-run work, a fresh profile). Without Chromium a test is skipped with a message on stderr, except
 * under {@code CI=true}, where it fails: CI must run it ({@code scripts/setup} installs Debian's chromium).
 */
final class Chromium {
  private Chromium() {}

  /** The browser's path; aborts the test loudly (fails it under CI=true) when there is none. */
  static String require() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
        Path p = Path.of(dir, name);
        if (Files.isExecutable(p)) {
          return p.toString();
        }
      }
    }
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail("chromium is not installed (run scripts/setup); CI must not skip this test");
    }
    System.err.println("SKIPPED: chromium is not installed (run scripts/setup); the report's browser tests did not"
        + " run");
    Assumptions.abort("chromium is not installed (run scripts/setup)");
    throw new AssertionError("unreachable");
  }

  /** The command line up to the page or debugging flags: headless, offline, with {@code profile} as its profile. */
  static List<String> command(String browser, Path profile) {
    return new ArrayList<>(List.of(browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--user-data-dir=" + profile));
  }
}
