package org.axdse.multipliers.io;

import java.nio.file.Path;
import java.util.Map;
import org.axdse.multipliers.io.VerilogElaborator.Sig;
import org.axdse.multipliers.io.VerilogSyntax.Binary;
import org.axdse.multipliers.io.VerilogSyntax.Concat;
import org.axdse.multipliers.io.VerilogSyntax.Const;
import org.axdse.multipliers.io.VerilogSyntax.Decl;
import org.axdse.multipliers.io.VerilogSyntax.Expr;
import org.axdse.multipliers.io.VerilogSyntax.Ident;
import org.axdse.multipliers.io.VerilogSyntax.Repeat;
import org.axdse.multipliers.io.VerilogSyntax.Select;
import org.axdse.multipliers.io.VerilogSyntax.Ternary;
import org.axdse.multipliers.io.VerilogSyntax.Unary;
import org.axdse.multipliers.netlist.CellType;
import org.axdse.multipliers.util.BadInputException;

/**
 * Turns assign expressions into cells, one gate per bit: {@code & | ^ ~^} into AND, OR, XOR, XNOR; {@code ~} into
 * NOT, except that {@code ~(x & y)}, {@code ~(x | y)} and {@code ~(x ^ y)} become NAND, NOR and XNOR; {@code !}
 * and reductions into gate chains; {@code c ? x : y} into MUX2; and a vector {@code +} into a ripple-carry adder of
 * half and full adders whose width is one more than the wider operand. Bits are returned LSB first; constant bits
 * are {@link NetGraph#CONST0} and {@link NetGraph#CONST1} until a cell reads them.
 */
final class ExpressionCells {
  private static final int MAX_WIDTH = 1 << 16;

  private final Path source;
  private final NetGraph graph;

  ExpressionCells(Path source, NetGraph graph) {
    this.source = source;
    this.graph = graph;
  }

  int[] eval(Expr e, Map<String, Sig> scope) {
    return switch (e) {
      case Ident id -> signal(id.name(), id.line(), scope).bits().clone();
      case Select s -> select(s, scope);
      case Const c -> constant(c);
      case Concat c -> concat(c, scope);
      case Repeat r -> repeat(r, scope);
      case Unary u -> unary(u, scope);
      case Binary b -> b.op().equals("+") ? add(eval(b.left(), scope), eval(b.right(), scope), b.line())
          : bitwise(gate(b.op()), eval(b.left(), scope), eval(b.right(), scope), b.line());
      case Ternary t -> mux(t, scope);
    };
  }

  private Sig signal(String name, int line, Map<String, Sig> scope) {
    Sig s = scope.get(name);
    if (s == null) {
      throw BadInputException.at(source, line, "unknown net '" + name + "'");
    }
    return s;
  }

  private int[] select(Select s, Map<String, Sig> scope) {
    Sig sig = signal(s.name(), s.line(), scope);
    Decl d = sig.decl();
    int hi = d.position(s.msb());
    int lo = d.position(s.lsb());
    if (hi < 0 || lo < 0) {
      throw BadInputException.at(source, s.line(), "index out of range: " + s.name() + "[" + s.msb()
          + (s.part() ? ":" + s.lsb() : "") + "] of [" + d.msb() + ":" + d.lsb() + "]");
    }
    if (hi < lo) {
      throw BadInputException.at(source, s.line(), "part-select " + s.name() + "[" + s.msb() + ":" + s.lsb()
          + "] runs against the declared range [" + d.msb() + ":" + d.lsb() + "]");
    }
    int[] bits = new int[hi - lo + 1];
    System.arraycopy(sig.bits(), lo, bits, 0, bits.length);
    return bits;
  }

  private static int[] constant(Const c) {
    int[] bits = new int[c.width()];
    for (int i = 0; i < bits.length; i++) {
      bits[i] = ((c.value() >>> i) & 1L) == 1L ? NetGraph.CONST1 : NetGraph.CONST0;
    }
    return bits;
  }

  private int[] concat(Concat c, Map<String, Sig> scope) {
    int[][] parts = new int[c.parts().size()][];
    long total = 0;
    for (int i = 0; i < parts.length; i++) {
      parts[i] = eval(c.parts().get(i), scope);
      total += parts[i].length;
    }
    checkWidth(total, c.line());
    int[] bits = new int[(int) total];
    int at = 0;
    for (int i = parts.length - 1; i >= 0; i--) {
      System.arraycopy(parts[i], 0, bits, at, parts[i].length);
      at += parts[i].length;
    }
    return bits;
  }

  private int[] repeat(Repeat r, Map<String, Sig> scope) {
    int[] body = eval(r.body(), scope);
    checkWidth((long) body.length * r.count(), r.line());
    int[] bits = new int[body.length * r.count()];
    for (int i = 0; i < r.count(); i++) {
      System.arraycopy(body, 0, bits, i * body.length, body.length);
    }
    return bits;
  }

  private void checkWidth(long width, int line) {
    if (width > MAX_WIDTH) {
      throw BadInputException.at(source, line, "expression wider than " + MAX_WIDTH + " bits");
    }
  }

  private int[] unary(Unary u, Map<String, Sig> scope) {
    if (u.op().equals("~") && u.operand() instanceof Binary b && !b.op().equals("+") && !b.op().equals("~^")) {
      CellType inverted = switch (b.op()) {
        case "&" -> CellType.NAND;
        case "|" -> CellType.NOR;
        default -> CellType.XNOR;
      };
      return bitwise(inverted, eval(b.left(), scope), eval(b.right(), scope), u.line());
    }
    int[] x = eval(u.operand(), scope);
    return switch (u.op()) {
      case "~" -> {
        int[] out = new int[x.length];
        for (int i = 0; i < x.length; i++) {
          out[i] = graph.cell(CellType.NOT, new int[] {x[i]}, u.line())[0];
        }
        yield out;
      }
      case "!" -> new int[] {reduce(CellType.OR, x, true, u.line())};
      case "&" -> new int[] {reduce(CellType.AND, x, false, u.line())};
      case "|" -> new int[] {reduce(CellType.OR, x, false, u.line())};
      case "^" -> new int[] {reduce(CellType.XOR, x, false, u.line())};
      case "~&" -> new int[] {reduce(CellType.AND, x, true, u.line())};
      case "~|" -> new int[] {reduce(CellType.OR, x, true, u.line())};
      default -> new int[] {reduce(CellType.XOR, x, true, u.line())};
    };
  }

  /** A chain of {@code type} gates over {@code x}; when {@code invert}, the last gate is the inverting kind. */
  private int reduce(CellType type, int[] x, boolean invert, int line) {
    if (x.length == 1) {
      return invert ? graph.cell(CellType.NOT, x, line)[0] : x[0];
    }
    int acc = x[0];
    for (int i = 1; i < x.length; i++) {
      CellType t = invert && i == x.length - 1 ? inverse(type) : type;
      acc = graph.cell(t, new int[] {acc, x[i]}, line)[0];
    }
    return acc;
  }

  private static CellType inverse(CellType t) {
    return t == CellType.AND ? CellType.NAND : t == CellType.OR ? CellType.NOR : CellType.XNOR;
  }

  private static CellType gate(String op) {
    return switch (op) {
      case "&" -> CellType.AND;
      case "|" -> CellType.OR;
      case "^" -> CellType.XOR;
      default -> CellType.XNOR;
    };
  }

  private int[] bitwise(CellType type, int[] x, int[] y, int line) {
    int[] out = new int[Math.max(x.length, y.length)];
    for (int i = 0; i < out.length; i++) {
      out[i] = graph.cell(type, new int[] {bit(x, i), bit(y, i)}, line)[0];
    }
    return out;
  }

  private static int bit(int[] v, int i) {
    return i < v.length ? v[i] : NetGraph.CONST0;
  }

  /** Ripple-carry adder: a half adder at bit 0, full adders while both operands have bits, then half adders. */
  private int[] add(int[] x, int[] y, int line) {
    int[] lo = x.length <= y.length ? x : y;
    int[] hi = x.length <= y.length ? y : x;
    int[] sum = new int[hi.length + 1];
    int carry = 0;
    for (int i = 0; i < hi.length; i++) {
      int[] sc;
      if (i < lo.length) {
        sc = i == 0 ? graph.cell(CellType.HA, new int[] {hi[i], lo[i]}, line)
            : graph.cell(CellType.FA, new int[] {hi[i], lo[i], carry}, line);
      } else {
        sc = graph.cell(CellType.HA, new int[] {hi[i], carry}, line);
      }
      sum[i] = sc[0];
      carry = sc[1];
    }
    sum[hi.length] = carry;
    return sum;
  }

  private int[] mux(Ternary t, Map<String, Sig> scope) {
    int[] c = eval(t.cond(), scope);
    int s = reduce(CellType.OR, c, false, t.line());
    int[] x = eval(t.then(), scope);
    int[] y = eval(t.otherwise(), scope);
    int[] out = new int[Math.max(x.length, y.length)];
    for (int i = 0; i < out.length; i++) {
      out[i] = graph.cell(CellType.MUX2, new int[] {s, bit(y, i), bit(x, i)}, t.line())[0];
    }
    return out;
  }
}
