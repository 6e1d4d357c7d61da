package org.axdse.simulator.compensation;

/** What {@link Compensator} adjusts: int32 biases, weight codes, or weight codes then biases. */
public enum CompensationMethod {
  BIAS("bias"),
  WEIGHTS("weights"),
  WEIGHTS_AND_BIAS("both");

  private final String label;

  CompensationMethod(String label) {
    this.label = label;
  }

  /** The command-line name: {@code bias}, {@code weights} or {@code both}. */
  public String label() {
    return label;
  }

  public boolean tunesWeights() {
    return this != BIAS;
  }

  public boolean correctsBias() {
    return this != WEIGHTS;
  }

  /** The method called {@code label}, or null. */
  public static CompensationMethod parse(String label) {
    for (CompensationMethod m : values()) {
      if (m.label.equals(label)) {
        return m;
      }
    }
    return null;
  }
}
