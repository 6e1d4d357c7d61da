package org.axdse.multipliers.generators;

import org.axdse.multipliers.netlist.Netlist;
import org.axdse.multipliers.table.MultiplierFormat;

/**
 * Exact partial products reduced with an approximate full-adder {@link AdderCell} (AMA1..AMA5 of Gupta et al.
 * 2013) in the {@code c} least significant columns, in the reduction and the final adder; half adders and the
 * other columns stay exact. Names: {@code [us]8xN_ama3_c6}. Works for every N and both signednesses;
 * {@code 0 <= c <= 8 + N}.
 */
public record ApproxAdderDesign(MultiplierFormat format, AdderCell cell, int columns, Reduction reduction)
    implements MultiplierDesign {
  public ApproxAdderDesign {
    PartialProductCircuit.requireFormat(format);
    PartialProductCircuit.requireReduction(reduction);
    if (cell == null || cell == AdderCell.EXACT) {
      throw new IllegalArgumentException("an approximate adder cell is required");
    }
    if (columns < 0 || columns > format.productBits()) {
      throw new IllegalArgumentException("approximate columns must be 0.." + format.productBits() + ", got "
          + columns);
    }
  }

  @Override
  public String name() {
    return MultiplierDesign.prefix(format, reduction) + cell.label() + "_c" + columns;
  }

  @Override
  public String description() {
    return "multiplier with " + cell + " approximate full adders in the " + columns + " LSB columns";
  }

  /**
   * True for unsigned operands when the cell maps inputs 000 to sum 0 and carry 0 (AMA1, AMA4, AMA5): a zero
   * operand makes every partial product 0, so every adder sees zeros. Signed arrays carry Baugh-Wooley constants,
   * so no such guarantee holds.
   */
  @Override
  public boolean zeroPreserving() {
    return !format.signed() && cell.sum(0, 0, 0) == 0 && cell.carry(0, 0, 0) == 0;
  }

  @Override
  public Netlist netlist() {
    return PartialProductCircuit.build(name(), format, PartialProductCircuit.allTerms(format), 0, reduction, cell,
        columns);
  }
}
