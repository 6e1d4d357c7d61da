package org.axdse.multipliers.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.axdse.multipliers.netlist.CellType;
import org.axdse.multipliers.netlist.Netlist;
import org.axdse.multipliers.netlist.NetlistBuilder;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.util.BadInputException;

/**
 * A flattened design at bit level while it is being elaborated: every bit has at most one driver (an operand bit,
 * a cell output, or another bit it is connected to by an alias), and cells read bits. {@link #build} resolves
 * aliases, checks that every read bit is driven, orders the cells topologically (keeping source order where it
 * already is one) and emits a {@link Netlist}.
 */
final class NetGraph {
  static final int CONST0 = -1;
  static final int CONST1 = -2;
  private static final int NONE = 0;
  private static final int OPERAND_A = 1;
  private static final int OPERAND_W = 2;
  private static final int CELL = 3;
  private static final int ALIAS = 4;
  private static final int MAX_BITS = 1 << 20;

  private record PendingCell(CellType type, int[] inputs, int[] outputs, int line) {}

  private final Path source;
  private int bits;
  private int[] kind = new int[256];
  private int[] ref = new int[256];
  private int[] line = new int[256];
  private final List<String> names = new ArrayList<>();
  private final List<PendingCell> cells = new ArrayList<>();

  NetGraph(Path source) {
    this.source = source;
  }

  /** A new undriven bit; {@code name} is used in messages (null for an internal bit). */
  int newBit(String name, int atLine) {
    if (bits == MAX_BITS) {
      throw BadInputException.at(source, atLine, "design has more than " + MAX_BITS + " nets");
    }
    if (bits == kind.length) {
      kind = Arrays.copyOf(kind, bits * 2);
      ref = Arrays.copyOf(ref, bits * 2);
      line = Arrays.copyOf(line, bits * 2);
    }
    names.add(name);
    return bits++;
  }

  void driveByOperand(int bit, boolean activation, int index, int atLine) {
    drive(bit, activation ? OPERAND_A : OPERAND_W, index, atLine);
  }

  /** Connects {@code bit} to {@code from} (a bit, or {@link #CONST0} / {@link #CONST1}). */
  void alias(int bit, int from, int atLine) {
    int src = materialize(from, atLine);
    if (names.get(src) == null && names.get(bit) != null) {
      names.set(src, names.get(bit));
    }
    drive(bit, ALIAS, src, atLine);
  }

  /** Adds a cell reading {@code inputs} (bits or constants); returns its new output bits. */
  int[] cell(CellType type, int[] inputs, int atLine) {
    int[] in = new int[inputs.length];
    for (int i = 0; i < in.length; i++) {
      in[i] = materialize(inputs[i], atLine);
    }
    int[] out = new int[type.outputCount()];
    for (int i = 0; i < out.length; i++) {
      out[i] = newBit(null, atLine);
      drive(out[i], CELL, cells.size(), atLine);
    }
    cells.add(new PendingCell(type, in, out, atLine));
    return out;
  }

  /** A real bit for {@code b}: constants become a constant cell of their own, as a tie cell would be. */
  int materialize(int b, int atLine) {
    if (b >= 0) {
      return b;
    }
    return cell(b == CONST1 ? CellType.CONST1 : CellType.CONST0, new int[0], atLine)[0];
  }

  private void drive(int bit, int k, int r, int atLine) {
    if (kind[bit] != NONE) {
      throw BadInputException.at(source, atLine, "net '" + name(bit) + "' is driven twice (also at line "
          + line[bit] + ")");
    }
    kind[bit] = k;
    ref[bit] = r;
    line[bit] = atLine;
  }

  private String name(int bit) {
    String n = names.get(bit);
    return n == null ? "(internal net " + bit + ")" : n;
  }

  /** The operand or cell-output bit that drives {@code bit}, following aliases. */
  private int resolve(int bit, int readLine, int[] memo) {
    int b = bit;
    int at = readLine;
    int steps = 0;
    while (kind[b] == ALIAS) {
      if (memo[b] >= 0) {
        b = memo[b];
        break;
      }
      at = line[b];
      b = ref[b];
      if (++steps > bits) {
        throw BadInputException.at(source, line[b], "combinational loop through net '" + name(b) + "'");
      }
    }
    if (kind[b] == NONE) {
      throw BadInputException.at(source, at, "net '" + name(b) + "' is read but never driven");
    }
    for (int a = bit; kind[a] == ALIAS && memo[a] < 0; a = ref[a]) {
      memo[a] = b;
    }
    return b;
  }

  /** Resolves, orders and emits the netlist; {@code outputs} are the product bits, LSB first. */
  Netlist build(String name, MultiplierFormat format, int[] outputs, int outputLine) {
    int[] memo = new int[bits];
    Arrays.fill(memo, -1);
    int n = cells.size();
    int[][] deps = new int[n][];
    for (int c = 0; c < n; c++) {
      PendingCell pc = cells.get(c);
      deps[c] = new int[pc.inputs.length];
      for (int i = 0; i < pc.inputs.length; i++) {
        deps[c][i] = resolve(pc.inputs[i], pc.line, memo);
      }
    }
    int[] out = new int[outputs.length];
    for (int i = 0; i < outputs.length; i++) {
      out[i] = resolve(outputs[i], outputLine, memo);
    }
    int[] order = topologicalOrder(deps);
    NetlistBuilder b = new NetlistBuilder(format);
    int[] net = new int[bits];
    Arrays.fill(net, -1);
    for (int bit = 0; bit < bits; bit++) {
      if (kind[bit] == OPERAND_A) {
        net[bit] = b.a(ref[bit]);
      } else if (kind[bit] == OPERAND_W) {
        net[bit] = b.w(ref[bit]);
      }
    }
    for (int c : order) {
      PendingCell pc = cells.get(c);
      int[] in = new int[deps[c].length];
      for (int i = 0; i < in.length; i++) {
        in[i] = net[deps[c][i]];
      }
      int[] o = b.cell(pc.type, in);
      for (int i = 0; i < o.length; i++) {
        net[pc.outputs[i]] = o[i];
      }
    }
    int[] product = new int[out.length];
    for (int i = 0; i < out.length; i++) {
      product[i] = net[out[i]];
    }
    return b.build(name, product);
  }

  /** Cells in an order where every cell comes after the drivers of its inputs; source order where possible. */
  private int[] topologicalOrder(int[][] deps) {
    int n = deps.length;
    int[] state = new int[n];
    int[] order = new int[n];
    int count = 0;
    int[] stack = new int[n];
    int[] next = new int[n];
    for (int root = 0; root < n; root++) {
      if (state[root] != 0) {
        continue;
      }
      int sp = 0;
      stack[sp++] = root;
      state[root] = 1;
      next[root] = 0;
      while (sp > 0) {
        int c = stack[sp - 1];
        if (next[c] < deps[c].length) {
          int bit = deps[c][next[c]++];
          if (kind[bit] != CELL) {
            continue;
          }
          int d = ref[bit];
          if (state[d] == 1) {
            throw BadInputException.at(source, cells.get(d).line, "combinational loop through net '" + name(bit)
                + "'");
          }
          if (state[d] == 0) {
            state[d] = 1;
            next[d] = 0;
            stack[sp++] = d;
          }
        } else {
          state[c] = 2;
          order[count++] = c;
          sp--;
        }
      }
    }
    return order;
  }
}
