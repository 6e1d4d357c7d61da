package org.axdse.multipliers.io;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.axdse.multipliers.netlist.CellType;
import org.axdse.multipliers.netlist.Netlist;
import org.axdse.multipliers.netlist.NetlistBuilder;
import org.axdse.multipliers.table.MultiplierFormat;

/** Netlists and Verilog texts shared by the io tests. */
final class TestCircuits {
  private TestCircuits() {}

  /**
   * An exact multiplier: partial products summed column by column with full and half adders. Signed formats use
   * the modified Baugh-Wooley form: partial products with exactly one sign bit are inverted (NAND), and the
   * constant {@code 2^(n-1) + 2^(m-1) + 2^(n+m-1)} is added (mod {@code 2^(n+m)}).
   */
  static Netlist exactMultiplier(MultiplierFormat f, String name) {
    NetlistBuilder b = new NetlistBuilder(f);
    int n = f.activationBits();
    int m = f.weightBits();
    int p = n + m;
    List<Deque<Integer>> cols = new ArrayList<>();
    for (int k = 0; k < p; k++) {
      cols.add(new ArrayDeque<>());
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        boolean invert = f.signed() && ((i == n - 1) ^ (j == m - 1));
        cols.get(i + j).add(invert ? b.nand(b.a(i), b.w(j)) : b.and(b.a(i), b.w(j)));
      }
    }
    if (f.signed()) {
      cols.get(n - 1).add(b.one());
      cols.get(m - 1).add(b.one());
      cols.get(p - 1).add(b.one());
    }
    int[] product = new int[p];
    for (int k = 0; k < p; k++) {
      Deque<Integer> col = cols.get(k);
      while (col.size() > 1) {
        int[] sc = col.size() >= 3 ? b.fullAdder(col.poll(), col.poll(), col.poll())
            : b.halfAdder(col.poll(), col.poll());
        col.add(sc[0]);
        if (k + 1 < p) {
          cols.get(k + 1).add(sc[1]);
        }
      }
      product[k] = col.isEmpty() ? b.zero() : col.poll();
    }
    return b.build(name, product);
  }

  /** An 8x2 unsigned netlist that uses every cell type once and reads an operand bit directly. */
  static Netlist everyCell(String name) {
    NetlistBuilder b = new NetlistBuilder(MultiplierFormat.of(2, org.axdse.multipliers.table.Signedness.UNSIGNED));
    int[] ha = b.halfAdder(b.a(5), b.w(1));
    int[] fa = b.fullAdder(b.a(6), b.w(0), b.w(1));
    int[] out = {b.and(b.a(0), b.w(0)), b.or(b.a(1), b.w(1)), b.xor(b.a(2), b.w(0)), b.nand(b.a(3), b.w(1)),
        b.nor(b.a(4), b.w(0)), b.xnor(b.a(0), b.a(1)), b.mux(b.w(0), b.a(1), b.a(2)), b.not(b.a(3)),
        b.buf(b.a(4)), ha[0], ha[1], fa[0], fa[1], b.zero(), b.one(), b.a(7)};
    return b.build(name, out);
  }

  /** Counts of each cell type, indexed by ordinal. */
  static int[] cellCounts(Netlist n) {
    int[] counts = new int[CellType.values().length];
    n.cells().forEach(c -> counts[c.type().ordinal()]++);
    return counts;
  }

  /**
   * An exact unsigned 8xN multiplier in the style of EvoApprox8b's assign-based Verilog: header comments with
   * PDK45 figures, {@code wire sig_K} lists, one gate per {@code assign}, outputs assigned bit by bit.
   */
  static String evoApproxStyle(String module, int weightBits) {
    List<String> assigns = new ArrayList<>();
    int[] next = {16};
    int p = 8 + weightBits;
    List<Deque<String>> cols = new ArrayList<>();
    for (int k = 0; k < p; k++) {
      cols.add(new ArrayDeque<>());
    }
    java.util.function.BiFunction<String, String, String> gate = (op, expr) -> {
      String s = "sig_" + next[0]++;
      assigns.add("assign " + s + " = " + expr + ";");
      return s;
    };
    for (int i = 0; i < 8; i++) {
      for (int j = 0; j < weightBits; j++) {
        cols.get(i + j).add(gate.apply("&", "A[" + i + "] & B[" + j + "]"));
      }
    }
    String[] out = new String[p];
    for (int k = 0; k < p; k++) {
      Deque<String> col = cols.get(k);
      while (col.size() > 1) {
        String x = col.poll();
        String y = col.poll();
        if (col.size() >= 1) {
          String z = col.poll();
          String t = gate.apply("^", x + " ^ " + y);
          String s = gate.apply("^", t + " ^ " + z);
          String u = gate.apply("&", x + " & " + y);
          String v = gate.apply("&", t + " & " + z);
          col.add(s);
          String c = gate.apply("|", u + " | " + v);
          if (k + 1 < p) {
            cols.get(k + 1).add(c);
          }
        } else {
          col.add(gate.apply("^", x + " ^ " + y));
          String c = gate.apply("&", x + " & " + y);
          if (k + 1 < p) {
            cols.get(k + 1).add(c);
          }
        }
      }
      out[k] = col.isEmpty() ? "1'b0" : col.poll();
    }
    StringBuilder sb = new StringBuilder();
    sb.append("/***\n* An exact multiplier written in the style of EvoApproxLib.\n***/\n");
    sb.append("// MAE% = 0.00 %\n// MAE = 0 \n// PDK45_PWR = 0.425 mW\n// PDK45_AREA = 729.8 um2\n")
        .append("// PDK45_DELAY = 1.48 ns\n\n");
    sb.append("module ").append(module).append(" (\n    A,\n    B,\n    O\n);\n\n");
    sb.append("input [7:0] A;\ninput [").append(weightBits - 1).append(":0] B;\noutput [").append(p - 1)
        .append(":0] O;\n\n");
    List<String> sigs = new ArrayList<>();
    for (int i = 16; i < next[0]; i++) {
      sigs.add("sig_" + i);
    }
    for (int i = 0; i < sigs.size(); i += 20) {
      sb.append("wire ").append(String.join(",", sigs.subList(i, Math.min(sigs.size(), i + 20)))).append(";\n");
    }
    sb.append('\n');
    for (int i = 0; i < assigns.size(); i++) {
      sb.append(assigns.get(i)).append(" //").append(i + 1).append(" \n");
    }
    sb.append('\n');
    for (int k = p - 1; k >= 0; k--) {
      sb.append("assign O[").append(k).append("] = ").append(out[k]).append(";\n");
    }
    sb.append("\nendmodule\n\n// internal reference: test\n");
    return sb.toString();
  }
}
