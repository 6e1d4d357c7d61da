package org.axdse.multipliers.io;

import java.util.List;
import java.util.Map;

/** The parsed form of the structural Verilog subset: modules, declarations, assigns, instances, expressions. */
final class VerilogSyntax {
  private VerilogSyntax() {}

  enum Dir { INPUT, OUTPUT, WIRE }

  /** A declared net: direction, range {@code [msb:lsb]} ({@code [0:0]} for a scalar), and signedness. */
  record Decl(String name, Dir dir, int msb, int lsb, boolean signed, int line) {
    int width() {
      return Math.abs(msb - lsb) + 1;
    }

    /** Position (0 = LSB) of index {@code i}, or -1 when out of range. */
    int position(int i) {
      int p = msb >= lsb ? i - lsb : lsb - i;
      return p >= 0 && p < width() ? p : -1;
    }
  }

  sealed interface Expr {
    int line();
  }

  record Ident(String name, int line) implements Expr {}

  /** {@code name[msb:lsb]}, or a bit-select when {@code msb == lsb} and {@code part} is false. */
  record Select(String name, int msb, int lsb, boolean part, int line) implements Expr {}

  record Const(int width, long value, int line) implements Expr {}

  /** {@code {a, b, c}}: parts MSB first. */
  record Concat(List<Expr> parts, int line) implements Expr {}

  record Repeat(int count, Expr body, int line) implements Expr {}

  /** Unary {@code ~ !} and reductions {@code & | ^ ~& ~| ~^}. */
  record Unary(String op, Expr operand, int line) implements Expr {}

  /** Binary {@code & | ^ ~^ +}. */
  record Binary(String op, Expr left, Expr right, int line) implements Expr {}

  record Ternary(Expr cond, Expr then, Expr otherwise, int line) implements Expr {}

  sealed interface Item {
    int line();
  }

  record Assign(Expr target, Expr value, int line) implements Item {}

  /** One connection: {@code port} is null for a positional one, {@code expr} is null for {@code .X()}. */
  record Connection(String port, Expr expr) {}

  record Instance(String type, String name, List<Connection> connections, int line) implements Item {}

  /** A module: header port order, declarations by name, and items in source order. */
  record Module(String name, List<String> ports, Map<String, Decl> decls, List<Item> items, int line) {}
}
