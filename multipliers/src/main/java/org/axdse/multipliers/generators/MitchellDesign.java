package org.axdse.multipliers.generators;

import org.axdse.multipliers.netlist.Netlist;
import org.axdse.multipliers.table.MultiplierFormat;

/**
 * Mitchell's logarithmic multiplier at gate level (see {@link MitchellCircuit}; J. N. Mitchell, IRE Trans.
 * Electronic Computers EC-11(4), 1962). It never overestimates; the relative error is at most about 11.1%.
 * Signed formats use the sign-magnitude wrap of {@link SignMagnitude}. Names: {@code [us]8xN_mitchell}. Works for
 * every N and both signednesses.
 */
public record MitchellDesign(MultiplierFormat format) implements MultiplierDesign {
  public MitchellDesign {
    PartialProductCircuit.requireFormat(format);
  }

  @Override
  public String name() {
    return format.namePrefix() + "_mitchell";
  }

  @Override
  public String description() {
    return "Mitchell logarithmic multiplier" + (format.signed() ? " (sign-magnitude)" : "");
  }

  @Override
  public boolean zeroPreserving() {
    return true;
  }

  @Override
  public Netlist netlist() {
    Logic g = new Logic(format);
    return g.build(name(), SignMagnitude.product(g, MitchellCircuit::multiply));
  }
}
