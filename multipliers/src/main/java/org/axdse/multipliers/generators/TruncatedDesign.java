package org.axdse.multipliers.generators;

import java.util.ArrayList;
import java.util.List;
import org.axdse.multipliers.netlist.Netlist;
import org.axdse.multipliers.table.MultiplierFormat;

/**
 * Truncated multiplier: the partial-product terms of the {@code k} least significant columns ({@code i + j < k})
 * are not generated, with an optional {@link Correction}. Without correction the product is exactly the sum of
 * the kept terms. Names: {@code [us]8xN_trunc<k>}, plus {@code _cc} or {@code _vc}. Works for every N, both
 * signednesses (signed terms are Baugh-Wooley's) and {@code 1 <= k <= N + 6} (column {@code N + 6} is the top
 * one).
 */
public record TruncatedDesign(MultiplierFormat format, int k, Correction correction, Reduction reduction)
    implements MultiplierDesign {
  public TruncatedDesign {
    PartialProductCircuit.requireFormat(format);
    PartialProductCircuit.requireReduction(reduction);
    if (correction == null) {
      throw new IllegalArgumentException("correction is required");
    }
    int top = format.productBits() - 2;
    if (k < 1 || k > top) {
      throw new IllegalArgumentException("truncation k must be 1.." + top + " for " + format + ", got " + k);
    }
  }

  @Override
  public String name() {
    return MultiplierDesign.prefix(format, reduction) + "trunc" + k + correction.suffix();
  }

  @Override
  public String description() {
    String fix = switch (correction) {
      case NONE -> "";
      case CONSTANT -> ", constant correction " + correctionConstant();
      case VARIABLE -> ", variable correction (column " + (k - 1) + " added into column " + k + ")";
    };
    return "truncated multiplier, " + k + " LSB partial-product columns dropped" + fix;
  }

  @Override
  public boolean zeroPreserving() {
    return correction != Correction.CONSTANT || correctionConstant() == 0;
  }

  /** The constant added by {@link Correction#CONSTANT}: the rounded expected value of the dropped terms. */
  public long correctionConstant() {
    double expected = 0;
    for (Term t : PartialProductCircuit.allTerms(format)) {
      if (t.column() < k) {
        expected += t.sign() * Math.pow(2, t.column()) / 4;
      }
    }
    return Math.round(expected);
  }

  @Override
  public Netlist netlist() {
    List<Term> kept = new ArrayList<>();
    for (Term t : PartialProductCircuit.allTerms(format)) {
      if (t.column() >= k) {
        kept.add(t);
      } else if (correction == Correction.VARIABLE && t.column() == k - 1) {
        kept.add(t.inColumn(k));
      }
    }
    long constant = correction == Correction.CONSTANT ? correctionConstant() : 0;
    return PartialProductCircuit.build(name(), format, kept, constant, reduction);
  }
}
