package org.axdse.multipliers.cost;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.axdse.multipliers.netlist.Cell;
import org.axdse.multipliers.netlist.Netlist;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.OperandDistribution;
import org.axdse.multipliers.table.Signedness;
import org.junit.jupiter.api.Test;

class ToggleCounterTest {
  private static final MultiplierFormat U8X4 = MultiplierFormat.of(4, Signedness.UNSIGNED);

  @Test
  void matchesNaivePerPairCount() {
    Netlist n = TestArrays.truncated(U8X4, 2);
    OperandStream stream = OperandStream.sample(OperandDistribution.uniform(U8X4), 640, 17);
    assertArrayEquals(naive(n, stream), ToggleCounter.perNet(n, stream));
  }

  @Test
  void alternatingPairToggleEveryTime() {
    // Pairs (a=255, w=15) and (0, 0) alternate: every operand bit and every partial product flips between
    // consecutive pairs, 128 pairs -> 127 transitions.
    Netlist n = TestArrays.truncated(U8X4, 0);
    int[] idx = new int[128];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i % 2 == 0 ? U8X4.index(255, 15) : 0;
    }
    long[] t = ToggleCounter.perNet(n, OperandStream.of(U8X4, idx));
    assertEquals(127, t[n.aNet(7)]);
    assertEquals(127, t[n.wNet(0)]);
    assertEquals(127, t[n.cells().get(0).output(0)]); // the first AND, a0 & w0
  }

  @Test
  void rejectsStreamOfOtherFormat() {
    Netlist n = TestArrays.truncated(U8X4, 0);
    OperandStream s = OperandStream.sample(OperandDistribution.uniform(MultiplierFormat.unsigned8x8()), 64, 1);
    assertThrows(IllegalArgumentException.class, () -> ToggleCounter.perNet(n, s));
  }

  /** Evaluates each pair on its own, one boolean per net, and counts value changes between consecutive pairs. */
  private static long[] naive(Netlist n, OperandStream s) {
    long[] toggles = new long[n.netCount()];
    boolean[] prev = null;
    MultiplierFormat f = n.format();
    for (int p = 0; p < s.length(); p++) {
      int idx = s.index(p);
      boolean[] v = new boolean[n.netCount()];
      for (int i = 0; i < f.activationBits(); i++) {
        v[n.aNet(i)] = ((idx >> (f.weightBits() + i)) & 1) == 1;
      }
      for (int i = 0; i < f.weightBits(); i++) {
        v[n.wNet(i)] = ((idx >> i) & 1) == 1;
      }
      for (Cell c : n.cells()) {
        boolean[] in = new boolean[c.inputCount()];
        for (int i = 0; i < in.length; i++) {
          in[i] = v[c.input(i)];
        }
        boolean[] out = switch (c.type()) {
          case CONST0 -> new boolean[] {false};
          case CONST1 -> new boolean[] {true};
          case BUF -> new boolean[] {in[0]};
          case NOT -> new boolean[] {!in[0]};
          case AND -> new boolean[] {in[0] && in[1]};
          case OR -> new boolean[] {in[0] || in[1]};
          case XOR -> new boolean[] {in[0] != in[1]};
          case NAND -> new boolean[] {!(in[0] && in[1])};
          case NOR -> new boolean[] {!(in[0] || in[1])};
          case XNOR -> new boolean[] {in[0] == in[1]};
          case MUX2 -> new boolean[] {in[0] ? in[2] : in[1]};
          case HA -> new boolean[] {in[0] != in[1], in[0] && in[1]};
          case FA -> {
            int ones = (in[0] ? 1 : 0) + (in[1] ? 1 : 0) + (in[2] ? 1 : 0);
            yield new boolean[] {ones % 2 == 1, ones >= 2};
          }
        };
        for (int o = 0; o < out.length; o++) {
          v[c.output(o)] = out[o];
        }
      }
      if (prev != null) {
        for (int k = 0; k < v.length; k++) {
          toggles[k] += v[k] != prev[k] ? 1 : 0;
        }
      }
      prev = v;
    }
    return toggles;
  }
}
