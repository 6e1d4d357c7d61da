package org.axdse.multipliers.netlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.ProductTable;
import org.axdse.multipliers.table.Signedness;
import org.junit.jupiter.api.Test;

/** Oracle test: the 64-lane simulator against a plain one-pair-at-a-time evaluator on random netlists. */
class BitParallelSimulatorTest {

  /** Evaluates one operand pair with booleans, straight from the cell definitions in {@link CellType}. */
  static int evaluateOnePair(Netlist n, int aCode, int wCode) {
    boolean[] v = new boolean[n.netCount()];
    MultiplierFormat f = n.format();
    for (int i = 0; i < f.activationBits(); i++) {
      v[n.aNet(i)] = ((aCode >> i) & 1) == 1;
    }
    for (int i = 0; i < f.weightBits(); i++) {
      v[n.wNet(i)] = ((wCode >> i) & 1) == 1;
    }
    for (Cell c : n.cells()) {
      boolean x = c.inputCount() > 0 && v[c.input(0)];
      boolean y = c.inputCount() > 1 && v[c.input(1)];
      boolean z = c.inputCount() > 2 && v[c.input(2)];
      switch (c.type()) {
        case CONST0 -> v[c.output(0)] = false;
        case CONST1 -> v[c.output(0)] = true;
        case BUF -> v[c.output(0)] = x;
        case NOT -> v[c.output(0)] = !x;
        case AND -> v[c.output(0)] = x && y;
        case OR -> v[c.output(0)] = x || y;
        case XOR -> v[c.output(0)] = x != y;
        case NAND -> v[c.output(0)] = !(x && y);
        case NOR -> v[c.output(0)] = !(x || y);
        case XNOR -> v[c.output(0)] = x == y;
        case MUX2 -> v[c.output(0)] = x ? z : y;
        case HA -> {
          v[c.output(0)] = x != y;
          v[c.output(1)] = x && y;
        }
        case FA -> {
          int count = (x ? 1 : 0) + (y ? 1 : 0) + (z ? 1 : 0);
          v[c.output(0)] = (count & 1) == 1;
          v[c.output(1)] = count >= 2;
        }
        default -> throw new AssertionError(c.type());
      }
    }
    long p = 0;
    for (int b = 0; b < n.productBits(); b++) {
      p |= (v[n.productNet(b)] ? 1L : 0L) << b;
    }
    int bits = n.productBits();
    if (f.signed() && bits < 64 && p >= 1L << (bits - 1)) {
      p -= 1L << bits;
    }
    return (int) p;
  }

  /** A random netlist that uses every cell type, reading earlier nets only. */
  static Netlist randomNetlist(Random rnd, MultiplierFormat f, int cellCount) {
    NetlistBuilder b = new NetlistBuilder(f);
    List<Integer> nets = new ArrayList<>();
    for (int i = 0; i < f.activationBits(); i++) {
      nets.add(b.a(i));
    }
    for (int i = 0; i < f.weightBits(); i++) {
      nets.add(b.w(i));
    }
    CellType[] types = CellType.values();
    for (int k = 0; k < cellCount; k++) {
      CellType t = types[k < types.length ? k : rnd.nextInt(types.length)];
      int[] in = new int[t.inputCount()];
      for (int i = 0; i < in.length; i++) {
        in[i] = nets.get(rnd.nextInt(nets.size()));
      }
      for (int out : b.cell(t, in)) {
        nets.add(out);
      }
    }
    int bits = 1 + rnd.nextInt(Math.min(24, nets.size()));
    int[] product = new int[bits];
    for (int i = 0; i < bits; i++) {
      product[i] = nets.get(nets.size() - 1 - rnd.nextInt(Math.min(nets.size(), 40)));
    }
    return b.build("random", product);
  }

  @Test
  void bitParallelTableEqualsPerPairEvaluationOnRandomNetlists() {
    Random rnd = new Random(20240611L);
    Set<CellType> seen = EnumSet.noneOf(CellType.class);
    for (int trial = 0; trial < 40; trial++) {
      MultiplierFormat f = MultiplierFormat.of(2 + rnd.nextInt(7),
          rnd.nextBoolean() ? Signedness.SIGNED : Signedness.UNSIGNED);
      Netlist n = randomNetlist(rnd, f, 13 + rnd.nextInt(120));
      n.cells().forEach(c -> seen.add(c.type()));
      ProductTable t = new BitParallelSimulator(n).productTable();
      for (int idx = 0; idx < f.tableSize(); idx++) {
        int aCode = idx >>> f.weightBits();
        int wCode = idx & ((1 << f.weightBits()) - 1);
        assertEquals(evaluateOnePair(n, aCode, wCode), t.atIndex(idx), "trial " + trial + " index " + idx);
      }
    }
    assertTrue(seen.containsAll(EnumSet.allOf(CellType.class)), "every cell type exercised: " + seen);
  }
}
