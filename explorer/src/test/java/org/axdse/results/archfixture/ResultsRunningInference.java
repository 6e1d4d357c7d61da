package org.axdse.results.archfixture;

import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.simulator.kernels.KernelMode;

/** A deliberate violation: a class in a results package that reaches into the simulator and multipliers.table. */
public final class ResultsRunningInference {
  private ResultsRunningInference() {}

  public static String forbidden() {
    return KernelMode.values()[0] + " " + MultiplierFormat.signed8x8();
  }
}
