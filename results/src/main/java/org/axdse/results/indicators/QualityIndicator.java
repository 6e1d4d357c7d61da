package org.axdse.results.indicators;

/**
 * A number that summarises the quality of an approximation front, after jMetal's {@code
 * QualityIndicator.compute(double[][])}: rows are points, columns objectives, all in minimisation form.
 */
public interface QualityIndicator {
  double compute(double[][] front);

  /** A short name for tables and file columns, e.g. {@code HV}. */
  String name();
}
