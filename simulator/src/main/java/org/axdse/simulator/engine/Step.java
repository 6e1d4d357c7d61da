package org.axdse.simulator.engine;

/** One compiled layer of the integer engine: reads its input tensors' codes and writes its output's codes. */
interface Step {
  void run(RunContext ctx);
}
