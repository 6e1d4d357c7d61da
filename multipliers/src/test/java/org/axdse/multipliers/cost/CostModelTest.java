package org.axdse.multipliers.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.axdse.multipliers.netlist.BitParallelSimulator;
import org.axdse.multipliers.netlist.Netlist;
import org.axdse.multipliers.netlist.NetlistBuilder;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.OperandDistribution;
import org.axdse.multipliers.table.ProductTable;
import org.axdse.multipliers.table.Signedness;
import org.junit.jupiter.api.Test;

class CostModelTest {
  private static final MultiplierFormat U8X2 = MultiplierFormat.of(2, Signedness.UNSIGNED);
  private static final MultiplierFormat U8 = MultiplierFormat.unsigned8x8();
  private static final CostModel MODEL = CostModel.defaults();

  /**
   * y0 = AND(a0, w0); (s, c) = FA(a1, w1, y0); q = XOR(XOR(c, a2), a3); product (y0, s, q), plus one dead XOR
   * that reaches no product bit.
   */
  private static Netlist handBuilt() {
    NetlistBuilder b = new NetlistBuilder(U8X2);
    int y0 = b.and(b.a(0), b.w(0));
    int[] sc = b.fullAdder(b.a(1), b.w(1), y0);
    int q = b.xor(b.xor(sc[1], b.a(2)), b.a(3));
    b.xor(b.a(4), b.a(5));
    return b.build("hand", y0, sc[0], q);
  }

  @Test
  void handBuiltAreaAndDelay() {
    CostFigures f = MODEL.evaluate(handBuilt());
    // Live cells: AND 1.333 + FA 5.333 + 2 XOR * 2.0 = 10.666; the dead XOR is pruned.
    assertEquals(1.333 + 5.333 + 2 * 2.0, f.area(), 1e-9);
    // Arrival: y0 = 1 (AND); FA starts at 1: sum 1+4 = 5, carry 1+2 = 3; q = 3+2+2 = 7. Critical = 7.
    assertEquals(7.0, f.delay(), 1e-12);
    // Leakage is 0.02 per NAND2 equivalent.
    assertEquals(0.02 * f.area(), f.leakagePower(), 1e-12);
    assertEquals(f.dynamicPower() + f.leakagePower(), f.power(), 1e-12);
    assertTrue(f.estimate());
    // Dead cells still count when area() is asked of the unpruned netlist: 10.666 + 2.0.
    assertEquals(1.333 + 5.333 + 3 * 2.0, MODEL.area(handBuilt()), 1e-9);
  }

  @Test
  void constantsCostNothing() {
    NetlistBuilder b = new NetlistBuilder(U8X2);
    Netlist n = b.build("zeros", b.zero(), b.one());
    CostFigures f = MODEL.evaluate(n);
    assertEquals(CostFigures.estimate(0, 0, 0, 0), f);
  }

  @Test
  void netlistRelativeToItselfIsOne() {
    Netlist exact = TestArrays.truncated(U8, 0);
    CostFigures f = MODEL.evaluate(exact);
    assertEquals(RelativeCost.unity(), f.relativeTo(f));
  }

  @Test
  void testArrayIsExactAndItsTruncationDropsExactlyTheLowColumns() {
    assertEquals(ProductTable.exact(U8), new BitParallelSimulator(TestArrays.truncated(U8, 0)).productTable());
    ProductTable t5 = new BitParallelSimulator(TestArrays.truncated(U8, 5)).productTable();
    for (int a = 0; a < 256; a += 7) {
      for (int w = 0; w < 256; w += 5) {
        int kept = 0;
        for (int i = 0; i < 8; i++) {
          for (int j = 0; j < 8; j++) {
            kept += i + j >= 5 ? ((a >> i) & 1) * ((w >> j) & 1) << (i + j) : 0;
          }
        }
        assertEquals(kept, t5.product(a, w), "a=" + a + " w=" + w);
      }
    }
  }

  @Test
  void moreTruncationNeverIncreasesAreaOrPower() {
    OperandStream stream = OperandStream.sample(OperandDistribution.uniform(U8), 8192, CostModel.DEFAULT_SEED);
    CostFigures previous = MODEL.evaluate(TestArrays.truncated(U8, 0), stream);
    for (int k = 1; k <= 12; k++) {
      CostFigures f = MODEL.evaluate(TestArrays.truncated(U8, k), stream);
      assertTrue(f.area() <= previous.area(), "area at k=" + k + ": " + f.area() + " > " + previous.area());
      assertTrue(f.power() <= previous.power(), "power at k=" + k + ": " + f.power() + " > " + previous.power());
      assertTrue(f.delay() <= previous.delay(), "delay at k=" + k);
      previous = f;
    }
    assertTrue(previous.area() < MODEL.evaluate(TestArrays.truncated(U8, 0)).area() / 2,
        "dropping 12 of 15 columns removes most of the array");
  }

  @Test
  void sameSeedGivesIdenticalFiguresAndOtherSeedsOnlyDynamicNoise() {
    Netlist n = TestArrays.truncated(U8, 3);
    OperandDistribution uniform = OperandDistribution.uniform(U8);
    CostFigures one = MODEL.evaluate(n, uniform, 99);
    assertEquals(one, MODEL.evaluate(n, uniform, 99));
    CostFigures other = MODEL.evaluate(n, uniform, 100);
    assertNotEquals(one.dynamicPower(), other.dynamicPower());
    assertEquals(one.area(), other.area());
    // 65,536 random pairs: the estimate of the mean toggle energy moves by well under 1 % between seeds.
    assertEquals(one.dynamicPower(), other.dynamicPower(), 0.01 * one.dynamicPower());
  }

  @Test
  void pointMassStreamHasNoDynamicPower() {
    Netlist n = TestArrays.truncated(U8, 0);
    CostFigures f = MODEL.evaluate(n, OperandDistribution.pointMass(U8, U8.index(200, 77)), 1);
    assertEquals(0.0, f.dynamicPower());
    assertTrue(f.leakagePower() > 0);
    assertEquals(f.leakagePower(), f.power());
  }

  @Test
  void sparserOperandsSwitchLess() {
    // Activations restricted to 0..15 (as after ReLU and small scales): the upper partial products never switch.
    double[] act = new double[256];
    java.util.Arrays.fill(act, 0, 16, 1.0);
    double[] wgt = new double[256];
    java.util.Arrays.fill(wgt, 1.0);
    Netlist n = TestArrays.truncated(U8, 0);
    CostFigures small = MODEL.evaluate(n, OperandDistribution.independent(U8, act, wgt), 1);
    CostFigures uniform = MODEL.evaluate(n);
    assertTrue(small.dynamicPower() < uniform.dynamicPower() * 0.8,
        small.dynamicPower() + " vs " + uniform.dynamicPower());
    assertEquals(uniform.area(), small.area());
  }

  @Test
  void customCellTableChangesTheFigures() {
    java.util.Map<org.axdse.multipliers.netlist.CellType, CellFigures> cells =
        new java.util.EnumMap<>(CellTable.nangate45().cells());
    cells.put(org.axdse.multipliers.netlist.CellType.FA, new CellFigures(10, 8, 8, 5));
    CostModel heavyAdders = CostModel.of(new CellTable("heavy-fa", "", 0, cells));
    CostFigures f = heavyAdders.evaluate(handBuilt());
    // AND 1.333 + FA 10 + 2 XOR * 2 = 15.333; q arrives at 1 + 8 + 2 + 2 = 13; no leakage.
    assertEquals(15.333, f.area(), 1e-9);
    assertEquals(13.0, f.delay(), 1e-12);
    assertEquals(0.0, f.leakagePower());
  }
}
