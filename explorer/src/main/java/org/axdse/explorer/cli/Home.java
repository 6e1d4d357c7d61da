package org.axdse.explorer.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.axdse.multipliers.util.AxdseHome;
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
    Path home = AxdseHome.configured().orElseGet(Home::besideTheCode);
    if (!Files.isRegularFile(home.resolve(DemoCommand.MODEL))) {
      throw new BadInputException(home.resolve(DemoCommand.MODEL) + ": bundled model not found; set AXDSE_HOME to "
          + "the axdse directory (the ./axdse launcher does this)");
    }
    return home;
  }

  /** Three levels above the code's location ({@code explorer/target/axdse.jar} or {@code explorer/target/classes}). */
  private static Path besideTheCode() {
    try {
      Path code = Path.of(Home.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return code.getParent().getParent().getParent().toAbsolutePath().normalize();
    } catch (java.net.URISyntaxException | RuntimeException e) {
      return Path.of(".").toAbsolutePath().normalize();
    }
  }
}
