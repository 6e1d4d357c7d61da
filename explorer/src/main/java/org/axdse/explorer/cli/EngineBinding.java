package org.axdse.explorer.cli;

import org.axdse.explorer.backend.ProblemFactory;
import org.axdse.explorer.imc.ImcProblems;
import org.axdse.explorer.simulation.SimulatorProblems;

/**
 * Where {@code axdse search} gets its engine: the quantized simulator ({@link SimulatorProblems}), or for
 * {@code --target imc} the IMC dataflow ({@link ImcProblems}).
 */
final class EngineBinding {
  private EngineBinding() {}

  static ProblemFactory problemFactory() {
    ProblemFactory multipliers = new SimulatorProblems();
    ProblemFactory imc = new ImcProblems();
    return request -> ImcProblems.wants(request) ? imc.open(request) : multipliers.open(request);
  }
}
