package org.axdse.simulator.energy;

import java.nio.file.Path;

/**
 * Per-operation energies (picojoules) and the reuse parameters of the access model. Defaults are 45 nm figures
 * from M. Horowitz, "Computing's energy problem (and what we can do about it)", ISSCC 2014: 8-bit multiply
 * 0.2 pJ, 32-bit add 0.1 pJ, 64-bit read of a 32 KB SRAM 20 pJ, 64-bit DRAM access 1.3 to 2.6 nJ (the low end,
 * 1,300 pJ, is used). Horowitz gives no register-file figure; the default 0.3 pJ per access follows Eyeriss (Chen,
 * Emer and Sze, ISCA 2016), where a register-file access costs about one MAC (here 0.2 + 0.1 pJ), with 4
 * accesses per MAC (weight, activation, partial-sum read and write).
 *
 * @param multiply8Pj the exact 8-bit multiplier, the reference every relative power multiplies
 * @param add32Pj the 32-bit accumulator add, one per MAC
 * @param registerFilePj one register-file access
 * @param registerFileAccessesPerMac register-file accesses per MAC
 * @param sramPj one 64-bit access of the on-chip buffer (8 operands of 8 bits)
 * @param dramPj one 64-bit DRAM access
 * @param weightReuse MACs served by one weight fetched from SRAM (e.g. the rows of a PE array)
 * @param inputReuse MACs served by one input activation fetched from SRAM (e.g. the columns of a PE array)
 * @param dramWeightReadsPerInference times each weight comes from DRAM per inference (1; 1/B for batches of B)
 */
public record ArchitectureEnergy(String name, double multiply8Pj, double add32Pj, double registerFilePj,
    double registerFileAccessesPerMac, double sramPj, double dramPj, double weightReuse, double inputReuse,
    double dramWeightReadsPerInference) {
  public ArchitectureEnergy {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    positive("multiply8Pj", multiply8Pj);
    nonNegative("add32Pj", add32Pj);
    nonNegative("registerFilePj", registerFilePj);
    nonNegative("registerFileAccessesPerMac", registerFileAccessesPerMac);
    nonNegative("sramPj", sramPj);
    nonNegative("dramPj", dramPj);
    atLeastOne("weightReuse", weightReuse);
    atLeastOne("inputReuse", inputReuse);
    nonNegative("dramWeightReadsPerInference", dramWeightReadsPerInference);
  }

  /** Bytes moved by one SRAM or DRAM access: a 64-bit word. */
  public static final int WORD_BYTES = 8;

  /** The built-in defaults described above, named {@code horowitz-45nm}. */
  public static ArchitectureEnergy defaults() {
    return new ArchitectureEnergy("horowitz-45nm", 0.2, 0.1, 0.3, 4, 20, 1300, 16, 16, 1);
  }

  /**
   * Reads a JSON architecture file; fields left out keep their {@link #defaults()}, unknown fields and invalid
   * values are a one-line {@link org.axdse.multipliers.util.BadInputException} naming the file.
   */
  public static ArchitectureEnergy load(Path file) {
    return ArchitectureJson.load(file);
  }

  /** This architecture as a JSON object, the format {@link #load} reads. */
  public String toJson() {
    return ArchitectureJson.write(this);
  }

  private static void positive(String field, double v) {
    if (!(v > 0) || !Double.isFinite(v)) {
      throw new IllegalArgumentException(field + " must be a positive number, got " + v);
    }
  }

  private static void nonNegative(String field, double v) {
    if (!(v >= 0) || !Double.isFinite(v)) {
      throw new IllegalArgumentException(field + " must be a non-negative number, got " + v);
    }
  }

  private static void atLeastOne(String field, double v) {
    if (!(v >= 1) || !Double.isFinite(v)) {
      throw new IllegalArgumentException(field + " must be at least 1, got " + v);
    }
  }
}
