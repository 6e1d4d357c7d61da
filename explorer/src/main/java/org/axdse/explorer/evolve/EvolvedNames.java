package org.axdse.explorer.evolve;

import org.axdse.multipliers.cgp.ErrorMeasure;
import org.axdse.multipliers.table.MultiplierFormat;

/** Names of evolved designs and of their files: letters, digits and {@code _.+-} only. */
final class EvolvedNames {
  private EvolvedNames() {}

  /**
   * {@code s8x8_cgp_lenet5_A1_mse1e-3}: format, model, approximable layer index (as {@code axdse model show}
   * labels it), measure and bound. The layer's full name is in the design's description and metrics.
   */
  static String design(MultiplierFormat f, String model, int layerIndex, ErrorMeasure measure, double bound) {
    return f.namePrefix() + "_cgp_" + fileSafe(model) + "_A" + layerIndex + "_" + measure.label()
        + EvolveSettings.label(bound);
  }

  /** {@code text} with every character outside {@code [A-Za-z0-9_.+-]} replaced by {@code _}. */
  static String fileSafe(String text) {
    return text.replaceAll("[^A-Za-z0-9_.+-]", "_");
  }
}
