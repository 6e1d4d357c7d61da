package org.axdse.explorer.backend;

/**
 * How carefully a candidate is evaluated. {@link #SCREENING} runs on a fixed, seeded subset of the test set (the
 * search's {@code --eval-images N}) and is what every candidate of the search gets; {@link #FINAL} runs on
 * {@code --final-images M} (by default the whole test set) and is spent only on points that reach the archive.
 */
public enum Fidelity {
  SCREENING,
  FINAL
}
