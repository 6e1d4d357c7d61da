package org.axdse.explorer.cli;

import org.axdse.explorer.backend.ProblemFactory;
import org.axdse.explorer.simulation.SimulatorProblems;

/** Where {@code axdse search} gets its engine: the quantized simulator ({@link SimulatorProblems}). */
final class EngineBinding {
  private EngineBinding() {}

  static ProblemFactory problemFactory() {
    return new SimulatorProblems();
  }
}
