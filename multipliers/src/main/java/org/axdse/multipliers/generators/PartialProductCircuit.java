package org.axdse.multipliers.generators;

import java.util.List;
import org.axdse.multipliers.netlist.Netlist;
import org.axdse.multipliers.table.MultiplierFormat;

/** Netlist of a partial-product multiplier: chosen terms plus a constant, summed by a reduction. */
final class PartialProductCircuit {
  private PartialProductCircuit() {}

  /** All terms of the format (Baugh-Wooley when signed). */
  static List<Term> allTerms(MultiplierFormat f) {
    return PartialProducts.terms(f.activationBits(), f.weightBits(), f.signed());
  }

  static Netlist build(String name, MultiplierFormat f, List<Term> terms, long constant, Reduction reduction,
      AdderCell cell, int approxColumns) {
    Logic g = new Logic(f);
    int width = f.productBits();
    BitMatrix m = PartialProducts.matrix(g, g.aBits(), g.wBits(), terms, constant, width);
    int[] product = new Reducer(g, width, cell, approxColumns).reduce(m, reduction);
    return g.build(name, product);
  }

  static Netlist build(String name, MultiplierFormat f, List<Term> terms, long constant, Reduction reduction) {
    return build(name, f, terms, constant, reduction, AdderCell.EXACT, 0);
  }

  static void requireReduction(Reduction reduction) {
    if (reduction == null) {
      throw new IllegalArgumentException("reduction is required");
    }
  }

  static void requireFormat(MultiplierFormat format) {
    if (format == null || format.isFloat()) {
      throw new IllegalArgumentException("an integer format is required, got " + format);
    }
  }
}
