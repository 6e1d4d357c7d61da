package org.axdse.multipliers.generators;

import org.axdse.multipliers.netlist.Netlist;
import org.axdse.multipliers.table.MultiplierFormat;

/**
 * DRUM-k dynamic-range unbiased multiplier at gate level (see {@link DrumCircuit}; S. Hashemi, R. I. Bahar and S.
 * Reda, ICCAD 2015). A weight of at most {@code k} bits is used exactly. Signed formats use the sign-magnitude wrap
 * of {@link SignMagnitude}. Names: {@code [us]8xN_drum<k>}. Works for every N and both signednesses,
 * {@code 3 <= k <= 7} (k = 3 is the smallest for which the signed magnitude product cannot overflow).
 */
public record DrumDesign(MultiplierFormat format, int k) implements MultiplierDesign {
  public DrumDesign {
    PartialProductCircuit.requireFormat(format);
    if (k < 3 || k > 7) {
      throw new IllegalArgumentException("DRUM k must be 3..7, got " + k);
    }
  }

  @Override
  public String name() {
    return format.namePrefix() + "_drum" + k;
  }

  @Override
  public String description() {
    return "DRUM-" + k + " dynamic-range unbiased multiplier" + (format.signed() ? " (sign-magnitude)" : "");
  }

  @Override
  public boolean zeroPreserving() {
    return true;
  }

  @Override
  public Netlist netlist() {
    Logic g = new Logic(format);
    return g.build(name(), SignMagnitude.product(g, (l, a, w, width) -> DrumCircuit.multiply(l, a, w, width, k)));
  }
}
