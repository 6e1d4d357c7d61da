package org.axdse.multipliers.cgp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.axdse.multipliers.Multiplier;
import org.axdse.multipliers.library.BuiltinLibrary;
import org.axdse.multipliers.netlist.BitParallelSimulator;
import org.axdse.multipliers.netlist.Netlist;
import org.axdse.multipliers.table.MultiplierFormat;
import org.junit.jupiter.api.Test;

class CgpGenomeTest {
  /** Scalar evaluation of the genome itself, node by node, one operand pair at a time (no netlist, no words). */
  static int[] independentTable(CgpGenome g) {
    MultiplierFormat f = g.format();
    int n = f.weightBits();
    int[] table = new int[f.tableSize()];
    boolean[] v = new boolean[g.inputs() + 2 * g.nodes()];
    for (int idx = 0; idx < table.length; idx++) {
      int a = idx >>> n;
      for (int i = 0; i < f.activationBits(); i++) {
        v[i] = ((a >>> i) & 1) == 1;
      }
      for (int i = 0; i < n; i++) {
        v[f.activationBits() + i] = ((idx >>> i) & 1) == 1;
      }
      for (int k = 0; k < g.nodes(); k++) {
        boolean x = v[g.connection(k, 0)];
        boolean y = v[g.connection(k, 1)];
        boolean z = v[g.connection(k, 2)];
        boolean out0;
        boolean out1;
        switch (g.function(k)) {
          case CONST0 -> out0 = out1 = false;
          case CONST1 -> out0 = out1 = true;
          case BUF -> out0 = out1 = x;
          case NOT -> out0 = out1 = !x;
          case AND -> out0 = out1 = x && y;
          case OR -> out0 = out1 = x || y;
          case XOR -> out0 = out1 = x != y;
          case NAND -> out0 = out1 = !(x && y);
          case NOR -> out0 = out1 = !(x || y);
          case XNOR -> out0 = out1 = x == y;
          case MUX2 -> out0 = out1 = x ? z : y;
          case HA -> {
            out0 = x != y;
            out1 = x && y;
          }
          case FA -> {
            out0 = x ^ y ^ z;
            out1 = (x ? 1 : 0) + (y ? 1 : 0) + (z ? 1 : 0) >= 2;
          }
          default -> throw new AssertionError(g.function(k));
        }
        v[g.inputs() + 2 * k] = out0;
        v[g.inputs() + 2 * k + 1] = out1;
      }
      long p = 0;
      for (int b = 0; b < g.productBits(); b++) {
        p |= (v[g.output(b)] ? 1L : 0L) << b;
      }
      int bits = g.productBits();
      table[idx] = f.signed() ? (int) ((p << (64 - bits)) >> (64 - bits)) : (int) p;
    }
    return table;
  }

  @Test
  void aSeededGenomeDecodesToTheSeedsTable() {
    for (String name : new String[] {"s8x8_exact_bw", "u8x8_trunc6", "s8x4_bam_h1v4", "u8x8_drum4"}) {
      Multiplier m = BuiltinLibrary.byName(name).orElseThrow();
      CgpGenome g = CgpGenome.of(m.netlist(), 5);
      Netlist decoded = g.decode(name);
      assertArrayEquals(m.table().toArray(), new BitParallelSimulator(decoded).productTable().toArray(), name);
      assertEquals(m.netlist().pruned().cells().size(), decoded.cells().size(), name + ": spare nodes stay inactive");
    }
  }

  @Test
  void mutatedGenomesDecodeToTablesTheGateEvaluationAgreesWith() {
    CgpGenome g = CgpGenome.of(BuiltinLibrary.byName("s8x4_exact_bw").orElseThrow().netlist(), 10);
    GenomeMutation mutation = GenomeMutation.of(8);
    SplittableRandom rng = new SplittableRandom(7);
    int differing = 0;
    for (int trial = 0; trial < 40; trial++) {
      g = mutation.apply(g, rng);
      int[] simulated = new BitParallelSimulator(g.decode("m")).productTable().toArray();
      assertArrayEquals(independentTable(g), simulated, "trial " + trial);
      differing += java.util.Arrays.equals(simulated, independentTable(CgpGenome.of(
          BuiltinLibrary.byName("s8x4_exact_bw").orElseThrow().netlist(), 0))) ? 0 : 1;
    }
    assertTrue(differing > 0, "some mutations must change the function");
  }

  @Test
  void mutationKeepsConnectionsBelowTheNodeAndChangesSomething() {
    CgpGenome g = CgpGenome.of(BuiltinLibrary.byName("u8x4_exact").orElseThrow().netlist(), 0);
    SplittableRandom rng = new SplittableRandom(3);
    for (int i = 0; i < 200; i++) {
      CgpGenome m = GenomeMutation.of(3).apply(g, rng);
      assertNotEquals(g, m);
      for (int k = 0; k < m.nodes(); k++) {
        for (int j = 0; j < 3; j++) {
          assertTrue(m.connection(k, j) < m.inputs() + 2 * k);
        }
      }
    }
  }

  @Test
  void invalidGenomesAreRefused() {
    MultiplierFormat f = MultiplierFormat.of(2, org.axdse.multipliers.table.Signedness.UNSIGNED);
    // node 0 may read addresses 0..9 (10 operand bits); 10 is its own output
    assertThrows(IllegalArgumentException.class,
        () -> new CgpGenome(f, new int[] {4}, new int[] {0, 10, 0}, new int[] {10}));
    assertThrows(IllegalArgumentException.class,
        () -> new CgpGenome(f, new int[] {4}, new int[] {0, 1, 0}, new int[] {12}));
  }
}
