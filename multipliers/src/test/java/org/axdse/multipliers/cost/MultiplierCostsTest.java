package org.axdse.multipliers.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.axdse.multipliers.Multiplier;
import org.axdse.multipliers.netlist.Netlist;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.OperandDistribution;
import org.axdse.multipliers.table.ProductTable;
import org.junit.jupiter.api.Test;

class MultiplierCostsTest {
  private static final MultiplierFormat U8 = MultiplierFormat.unsigned8x8();
  private static final Netlist EXACT = TestArrays.truncated(U8, 0);

  @Test
  void exactRelativeToItselfIsOne() {
    Multiplier exact = Multiplier.ofNetlist("u8x8_exact", "", EXACT);
    assertEquals(Optional.of(RelativeCost.unity()), MultiplierCosts.defaults().relativeCost(exact, EXACT));
  }

  @Test
  void truncatedIsCheaperAndMatchesTheModelDirectly() {
    Netlist t6 = TestArrays.truncated(U8, 6);
    RelativeCost r = MultiplierCosts.defaults().relativeCost(Multiplier.ofNetlist("t6", "", t6), EXACT)
        .orElseThrow();
    CostModel m = CostModel.defaults();
    assertEquals(m.evaluate(t6).relativeTo(m.evaluate(EXACT)), r);
    assertTrue(r.area() < 1 && r.power() < 1, r.toString());
  }

  @Test
  void tableOnlyMultiplierHasNoCost() {
    Multiplier table = Multiplier.ofTable("u8x8_table", "", ProductTable.exact(U8));
    assertEquals(Optional.empty(), MultiplierCosts.defaults().relativeCost(table, EXACT));
    assertEquals(Optional.empty(), MultiplierCosts.defaults().figures(table));
  }

  @Test
  void distributionChangesPowerButNotArea() {
    Multiplier t4 = Multiplier.ofNetlist("t4", "", TestArrays.truncated(U8, 4));
    double[] act = new double[256];
    java.util.Arrays.fill(act, 0, 8, 1.0);
    double[] wgt = new double[256];
    java.util.Arrays.fill(wgt, 1.0);
    MultiplierCosts layer = MultiplierCosts.of(CostModel.defaults(),
        OperandDistribution.independent(U8, act, wgt), 1);
    CostFigures uniform = MultiplierCosts.defaults().figures(t4).orElseThrow();
    CostFigures skewed = layer.figures(t4).orElseThrow();
    assertEquals(uniform.area(), skewed.area());
    assertTrue(skewed.dynamicPower() < uniform.dynamicPower());
  }

  @Test
  void formatMismatchIsRejected() {
    Multiplier signed = Multiplier.ofTable("s", "", ProductTable.exact(MultiplierFormat.signed8x8()));
    assertThrows(IllegalArgumentException.class, () -> MultiplierCosts.defaults().relativeCost(signed, EXACT));
  }
}
