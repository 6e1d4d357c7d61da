package org.axdse.multipliers.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.axdse.multipliers.generators.Correction;
import org.axdse.multipliers.generators.MultiplierDesign;
import org.axdse.multipliers.generators.Reduction;
import org.axdse.multipliers.generators.TruncatedDesign;
import org.axdse.multipliers.netlist.Netlist;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.Signedness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Sanity of the cost model on the real generators: exact is 1.0, and more truncation never costs more. */
class GeneratorCostTest {
  private static final CostModel MODEL = CostModel.defaults().withStreamLength(16_384);

  static List<Object[]> cases() {
    List<Object[]> out = new java.util.ArrayList<>();
    for (MultiplierFormat f : List.of(MultiplierFormat.unsigned8x8(), MultiplierFormat.signed8x8(),
        MultiplierFormat.of(4, Signedness.UNSIGNED), MultiplierFormat.of(4, Signedness.SIGNED))) {
      for (Reduction r : Reduction.values()) {
        out.add(new Object[] {f, r});
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void exactIsOneAndTruncationIsMonotone(MultiplierFormat f, Reduction reduction) {
    OperandStream stream = MODEL.defaultStream(f);
    Netlist exact = MultiplierDesign.exact(f, reduction).netlist();
    CostFigures reference = MODEL.evaluate(exact, stream);
    assertEquals(RelativeCost.unity(), reference.relativeTo(reference));
    CostFigures previous = reference;
    for (int k = 1; k <= f.productBits() - 2; k++) {
      Netlist t = new TruncatedDesign(f, k, Correction.NONE, reduction).netlist();
      CostFigures c = MODEL.evaluate(t, stream);
      assertTrue(c.area() <= previous.area() + 1e-9, f + " " + reduction + " area rises at k=" + k);
      assertTrue(c.power() <= previous.power() + 1e-9, f + " " + reduction + " power rises at k=" + k);
      previous = c;
    }
  }

  @Test
  void treesAreFasterThanTheArrayAtTheSameArea() {
    MultiplierFormat f = MultiplierFormat.unsigned8x8();
    CostFigures array = MODEL.evaluate(MultiplierDesign.exact(f, Reduction.ARRAY).netlist());
    for (Reduction tree : List.of(Reduction.WALLACE, Reduction.DADDA)) {
      CostFigures t = MODEL.evaluate(MultiplierDesign.exact(f, tree).netlist());
      System.out.printf("u8x8 exact %s vs array: %s%n", tree, t.relativeTo(array));
      // Same n^2 partial products and about n^2 adders, but log-depth reduction instead of one row per bit.
      assertTrue(t.delay() < array.delay(), tree + " delay " + t.delay() + " vs array " + array.delay());
      assertEquals(1.0, t.area() / array.area(), 0.15, tree + " area");
    }
  }
}
