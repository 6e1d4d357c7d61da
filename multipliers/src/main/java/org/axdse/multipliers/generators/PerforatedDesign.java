package org.axdse.multipliers.generators;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.axdse.multipliers.netlist.Netlist;
import org.axdse.multipliers.table.MultiplierFormat;

/**
 * Partial-product perforation: the rows {@code a * w_j 2^j} for the chosen weight bits {@code j} are not
 * generated, so the product is {@code a * w'} where {@code w'} is {@code w} with those bits cleared (for signed
 * operands, read as two's complement). G. Zervakis, K. Tsoumanis, S. Xydis, D. Soudris and K. Pekmestzi,
 * "Design-Efficient Approximate Multiplication Circuits Through Partial Product Perforation", IEEE TVLSI 24(10),
 * 2016. Names: {@code [us]8xN_perf_r0r1} for rows 0 and 1. Works for every N and both signednesses; at least one
 * row must stay.
 */
public record PerforatedDesign(MultiplierFormat format, Set<Integer> rows, Reduction reduction)
    implements MultiplierDesign {
  public PerforatedDesign {
    PartialProductCircuit.requireFormat(format);
    PartialProductCircuit.requireReduction(reduction);
    if (rows == null || rows.isEmpty()) {
      throw new IllegalArgumentException("perforation needs at least one row");
    }
    rows = Set.copyOf(new TreeSet<>(rows));
    for (int r : rows) {
      if (r < 0 || r >= format.weightBits()) {
        throw new IllegalArgumentException("perforated row " + r + " outside 0.." + (format.weightBits() - 1));
      }
    }
    if (rows.size() == format.weightBits()) {
      throw new IllegalArgumentException("perforating every row leaves no multiplier");
    }
  }

  @Override
  public String name() {
    return MultiplierDesign.prefix(format, reduction) + "perf_"
        + new TreeSet<>(rows).stream().map(r -> "r" + r).collect(Collectors.joining());
  }

  @Override
  public String description() {
    return "partial-product perforation, weight rows " + new TreeSet<>(rows) + " skipped";
  }

  @Override
  public boolean zeroPreserving() {
    return true;
  }

  @Override
  public Netlist netlist() {
    return PartialProductCircuit.build(name(), format,
        PartialProducts.without(PartialProductCircuit.allTerms(format), t -> rows.contains(t.j())), 0, reduction);
  }
}
