package org.axdse.simulator.kernels;

import java.util.Locale;

/**
 * When rows with a bilinear table ({@link BilinearForm}) take {@link BilinearKernel} instead of the byte-plane
 * lookups: {@link #AUTO} where the measured rule of {@link #chooses} says it is faster, {@link #ON} for every
 * bilinear table (tests), {@link #OFF} never (benchmarks of the table path). Results are identical in all three.
 * Chosen by the system property {@value #PROPERTY} ({@code auto}, the default, {@code on} or {@code off}).
 */
public enum BilinearPolicy {
  AUTO,
  ON,
  OFF;

  /** The system property that sets the policy. */
  public static final String PROPERTY = "axdse.bilinear";

  /** Largest number of pair coefficients for which {@link #AUTO} takes the bilinear path. */
  static final int MAX_PAIRS = 24;

  /** The policy named by {@value #PROPERTY}. */
  public static BilinearPolicy fromSystemProperty() {
    String v = System.getProperty(PROPERTY, "auto").strip().toLowerCase(Locale.ROOT);
    return switch (v) {
      case "auto" -> AUTO;
      case "on" -> ON;
      case "off" -> OFF;
      default -> throw new IllegalArgumentException("-D" + PROPERTY + "=" + v + ": expected auto, on or off");
    };
  }

  /** True when a row of {@code table} in a layer of reduction length {@code kLen} takes the bilinear path. */
  boolean chooses(LookupTable table, int kLen) {
    if (this == OFF) {
      return false;
    }
    BilinearTerms terms = table.bilinear();
    if (terms == null) {
      return false;
    }
    return this == ON || terms.form().pairs() <= MAX_PAIRS;
  }
}
