package org.axdse.explorer.cli;

import org.axdse.explorer.backend.ProblemFactory;
import org.axdse.explorer.backend.ProblemRequest;
import org.axdse.explorer.backend.SearchProblem;
import org.axdse.explorer.imc.ImcProblems;
import org.axdse.explorer.simulation.SimulatorProblems;

/**
 * Where {@code axdse search} gets its engine: the quantized simulator ({@link SimulatorProblems}), or for
 * {@code --target imc} the IMC dataflow ({@link ImcProblems}). A record, so that the search's speed flags can
 * reach the simulator inside it ({@link SpeedFlags#apply}).
 */
record EngineBinding(ProblemFactory multipliers, ProblemFactory imc) implements ProblemFactory {
  /** The simulator with its default speed options, and the IMC dataflow. */
  static EngineBinding standard() {
    return new EngineBinding(new SimulatorProblems(), new ImcProblems());
  }

  @Override
  public SearchProblem open(ProblemRequest request) {
    return ImcProblems.wants(request) ? imc.open(request) : multipliers.open(request);
  }
}
