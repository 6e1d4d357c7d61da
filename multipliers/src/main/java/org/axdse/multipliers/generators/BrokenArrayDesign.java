package org.axdse.multipliers.generators;

import org.axdse.multipliers.netlist.Netlist;
import org.axdse.multipliers.table.MultiplierFormat;

/**
 * Broken-array multiplier (BAM): the carry-save array with the cells above the horizontal break level and right
 * of the vertical break level removed, i.e. the terms {@code a_i w_j} with {@code j < h} (the first {@code h}
 * rows) or {@code i + j < v} (the {@code v} least significant columns) are not generated. The product is exactly
 * the sum of the kept terms. H. R. Mahdiani, A. Ahmadi, S. M. Fakhraie and C. Lucas, "Bio-Inspired Imprecise
 * Computational Blocks for Efficient VLSI Implementation of Soft-Computing Applications", IEEE TCAS-I 57(4),
 * 2010. Names: {@code [us]8xN_bam_h<h>v<v>}. Works for every N and both signednesses (signed terms are
 * Baugh-Wooley's), {@code 0 <= h < N}, {@code 0 <= v <= N + 6}.
 */
public record BrokenArrayDesign(MultiplierFormat format, int h, int v, Reduction reduction)
    implements MultiplierDesign {
  public BrokenArrayDesign {
    PartialProductCircuit.requireFormat(format);
    PartialProductCircuit.requireReduction(reduction);
    if (h < 0 || h >= format.weightBits()) {
      throw new IllegalArgumentException("BAM h must be 0.." + (format.weightBits() - 1) + ", got " + h);
    }
    if (v < 0 || v > format.productBits() - 2) {
      throw new IllegalArgumentException("BAM v must be 0.." + (format.productBits() - 2) + ", got " + v);
    }
  }

  @Override
  public String name() {
    return MultiplierDesign.prefix(format, reduction) + "bam_h" + h + "v" + v;
  }

  @Override
  public String description() {
    return "broken-array multiplier, rows below " + h + " and columns below " + v + " removed";
  }

  @Override
  public boolean zeroPreserving() {
    return true;
  }

  @Override
  public Netlist netlist() {
    return PartialProductCircuit.build(name(), format,
        PartialProducts.without(PartialProductCircuit.allTerms(format), t -> t.j() < h || t.column() < v), 0,
        reduction);
  }
}
