package org.axdse.multipliers.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.axdse.multipliers.format.Minifloat;
import org.axdse.multipliers.generators.FloatDesign;
import org.axdse.multipliers.generators.MantissaMultiplier;
import org.axdse.multipliers.generators.MultiplierDesign;
import org.axdse.multipliers.netlist.Netlist;
import org.axdse.multipliers.table.MultiplierFormat;
import org.junit.jupiter.api.Test;

/** The cost model on float multipliers: structure decides the order of their costs. */
class FloatCostTest {
  private static final CostModel MODEL = CostModel.defaults().withStreamLength(4_096);

  private static CostFigures cost(Netlist n) {
    return MODEL.evaluate(n, MODEL.defaultStream(n.format()));
  }

  @Test
  void relativeCostAcrossFormatsDividesEachUnderItsOwnStream() {
    MultiplierCosts costs = MultiplierCosts.uniform(MODEL, CostModel.DEFAULT_SEED);
    Netlist int8 = MultiplierDesign.exact(MultiplierFormat.signed8x8()).netlist();
    var e4m3 = new FloatDesign(Minifloat.e4m3(), MantissaMultiplier.exact(), false).build();
    RelativeCost r = costs.relativeCostAcrossFormats(e4m3, int8).orElseThrow();
    CostFigures own = costs.figures(e4m3.netlist());
    CostFigures ref = costs.figures(int8);
    assertEquals(own.area() / ref.area(), r.area(), 1e-12);
    assertEquals(own.power() / ref.power(), r.power(), 1e-12);
    assertTrue(r.area() < 1, "E4M3 word below the INT8 array: " + r.area());
  }

  @Test
  void fp8ExactWordIsSmallerThanTheInt8ArrayAndRoundingAddsArea() {
    // An 8-bit float multiplies (m+1)-bit significands (16 partial products for E4M3, 9 for E5M2, 25 for E3M4)
    // where the 8x8 integer array has 64; its exponent adder and flags are a few cells more. Normalization and
    // rounding only add logic on top of the same datapath.
    double int8 = cost(MultiplierDesign.exact(MultiplierFormat.signed8x8()).netlist()).area();
    for (Minifloat f : List.of(Minifloat.e4m3(), Minifloat.e5m2(), Minifloat.e3m4())) {
      double word = cost(new FloatDesign(f, MantissaMultiplier.exact(), false).netlist()).area();
      double rounded = cost(new FloatDesign(f, MantissaMultiplier.exact(), true).netlist()).area();
      double truncated = cost(new FloatDesign(f, MantissaMultiplier.truncated(3), false).netlist()).area();
      assertTrue(word < int8, f + ": " + word + " vs int8 " + int8);
      assertTrue(rounded > word, f + ": rounded " + rounded + " vs word " + word);
      assertTrue(truncated < word, f + ": truncated " + truncated + " vs word " + word);
    }
  }
}
