package org.axdse.explorer.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.axdse.multipliers.util.BadInputException;

/**
 * The project directory that holds the bundled model ({@code models/}) and data ({@code data/}), so the demo runs
 * from any working directory: the system property {@code axdse.home}, else the environment variable
 * {@code AXDSE_HOME} (the {@code ./axdse} launcher exports it), else three levels above the code's location
 * ({@code explorer/target/axdse.jar} or {@code explorer/target/classes}).
 */
final class Home {
  private Home() {}

  static Path find() {
    String p = System.getProperty("axdse.home");
    if (p == null || p.isBlank()) {
      p = System.getenv("AXDSE_HOME");
    }
    Path home;
    if (p != null && !p.isBlank()) {
      home = Path.of(p);
    } else {
      try {
        Path code = Path.of(Home.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        home = code.getParent().getParent().getParent();
      } catch (java.net.URISyntaxException | RuntimeException e) {
        home = Path.of(".");
      }
    }
    home = home.toAbsolutePath().normalize();
    if (!Files.isRegularFile(home.resolve(DemoCommand.MODEL))) {
      throw new BadInputException(home.resolve(DemoCommand.MODEL) + ": bundled model not found; set AXDSE_HOME to "
          + "the axdse directory (the ./axdse launcher does this)");
    }
    return home;
  }
}
