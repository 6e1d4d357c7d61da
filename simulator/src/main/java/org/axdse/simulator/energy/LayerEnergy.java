package org.axdse.simulator.energy;

/**
 * The energy of one layer for one inference, in picojoules, split by where it is spent. Only the multiplier
 * part depends on the multipliers chosen; {@code exactMultiplierPj} is the same layer with exact multipliers.
 */
public record LayerEnergy(String name, long macs, double multiplierPj, double exactMultiplierPj,
    double accumulatorPj, double registerFilePj, double sramPj, double dramPj) {
  public LayerEnergy {
    for (double v : new double[] {multiplierPj, exactMultiplierPj, accumulatorPj, registerFilePj, sramPj, dramPj}) {
      if (!(v >= 0) || !Double.isFinite(v)) {
        throw new IllegalArgumentException(name + ": energies must be finite and non-negative, got " + v);
      }
    }
  }

  /** Everything but the multipliers: accumulators, register file, SRAM and DRAM. */
  public double otherPj() {
    return accumulatorPj + registerFilePj + sramPj + dramPj;
  }

  public double systemPj() {
    return multiplierPj + otherPj();
  }

  public double exactSystemPj() {
    return exactMultiplierPj + otherPj();
  }

  /** Multiplier energy relative to exact multipliers (1 for a layer without MACs). */
  public double multiplierRelative() {
    return ratio(multiplierPj, exactMultiplierPj);
  }

  /** System energy relative to the same layer with exact multipliers. */
  public double systemRelative() {
    return ratio(systemPj(), exactSystemPj());
  }

  static double ratio(double value, double exact) {
    return exact == 0 ? 1.0 : value / exact;
  }
}
