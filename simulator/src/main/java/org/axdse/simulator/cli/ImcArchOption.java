package org.axdse.simulator.cli;

import java.nio.file.Path;
import org.axdse.simulator.imc.ImcArchitecture;
import org.axdse.simulator.imc.ImcArchitectureJson;
import picocli.CommandLine.Option;

/** The {@code --imc-arch FILE} flag (a picocli mixin): the IMC architecture, or the shipped ISAAC-like default. */
public final class ImcArchOption {
  @Option(names = "--imc-arch", paramLabel = "FILE", description = "IMC architecture JSON (default: the shipped "
      + "ISAAC-like data/isaac.imc.json)")
  Path file;

  /** The architecture, read before any long work. */
  public ImcArchitecture load() {
    return file == null ? ImcArchitectureJson.defaults() : ImcArchitectureJson.read(file);
  }
}
