package org.axdse.simulator.data;

/** The named part of a dataset to load: the training images (for calibration) or the test images. */
public enum Split {
  TRAIN,
  TEST;

  /** Lower-case name used in dataset names and on the command line. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
