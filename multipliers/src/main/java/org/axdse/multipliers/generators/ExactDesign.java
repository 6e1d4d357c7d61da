package org.axdse.multipliers.generators;

import org.axdse.multipliers.netlist.Netlist;
import org.axdse.multipliers.table.MultiplierFormat;

/**
 * Exact multiplier: all partial products, summed by the chosen reduction. Unsigned operands use AND partial
 * products; signed operands use the modified Baugh-Wooley scheme (see {@link PartialProducts}), so the array
 * version of a signed format is the Baugh-Wooley array multiplier. Names: {@code u8xN_exact},
 * {@code s8xN_exact_bw}, {@code [us]8xN_wallace}, {@code [us]8xN_dadda}. Works for every N and both
 * signednesses.
 */
public record ExactDesign(MultiplierFormat format, Reduction reduction) implements MultiplierDesign {
  public ExactDesign {
    PartialProductCircuit.requireFormat(format);
    PartialProductCircuit.requireReduction(reduction);
  }

  @Override
  public String name() {
    String family = reduction == Reduction.ARRAY ? (format.signed() ? "exact_bw" : "exact") : reduction.label();
    return format.namePrefix() + "_" + family;
  }

  @Override
  public String description() {
    String kind = switch (reduction) {
      case ARRAY -> format.signed() ? "Baugh-Wooley array" : "array";
      case WALLACE -> (format.signed() ? "Baugh-Wooley " : "") + "Wallace-tree";
      case DADDA -> (format.signed() ? "Baugh-Wooley " : "") + "Dadda-tree";
    };
    return "exact " + kind + " multiplier";
  }

  @Override
  public boolean zeroPreserving() {
    return true;
  }

  @Override
  public Netlist netlist() {
    return PartialProductCircuit.build(name(), format, PartialProductCircuit.allTerms(format), 0, reduction);
  }
}
