package org.axdse.multipliers.io;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axdse.multipliers.io.VerilogLexer.Kind;
import org.axdse.multipliers.io.VerilogLexer.Token;
import org.axdse.multipliers.io.VerilogSyntax.Assign;
import org.axdse.multipliers.io.VerilogSyntax.Binary;
import org.axdse.multipliers.io.VerilogSyntax.Concat;
import org.axdse.multipliers.io.VerilogSyntax.Connection;
import org.axdse.multipliers.io.VerilogSyntax.Const;
import org.axdse.multipliers.io.VerilogSyntax.Decl;
import org.axdse.multipliers.io.VerilogSyntax.Dir;
import org.axdse.multipliers.io.VerilogSyntax.Expr;
import org.axdse.multipliers.io.VerilogSyntax.Ident;
import org.axdse.multipliers.io.VerilogSyntax.Instance;
import org.axdse.multipliers.io.VerilogSyntax.Item;
import org.axdse.multipliers.io.VerilogSyntax.Module;
import org.axdse.multipliers.io.VerilogSyntax.Repeat;
import org.axdse.multipliers.io.VerilogSyntax.Select;
import org.axdse.multipliers.io.VerilogSyntax.Ternary;
import org.axdse.multipliers.io.VerilogSyntax.Unary;
import org.axdse.multipliers.util.BadInputException;

/**
 * Recursive-descent parser for the structural Verilog subset (see {@link VerilogNetlists}). Anything outside the
 * subset is reported as an unsupported construct by name rather than as a generic syntax error.
 */
final class VerilogParser {
  private static final Set<String> UNSUPPORTED = Set.of("always", "always_comb", "always_ff", "initial", "reg",
      "logic", "integer", "parameter", "localparam", "function", "task", "generate", "genvar", "inout", "specify",
      "defparam", "supply0", "supply1", "tri", "wand", "wor", "real", "time", "event", "begin", "end", "if",
      "case", "for", "while", "primitive", "macromodule", "interface", "package", "assert");
  private static final Set<String> BAD_OPERATORS = Set.of("-", "*", "/", "%", "<<", ">>", "==", "!=", "<", ">",
      "<=", ">=", "&&", "||");
  private static final int MAX_DEPTH = 200;
  private static final int MAX_RANGE = 1 << 16;

  private final Path source;
  private final List<Token> tokens;
  private int pos;
  private int depth;

  private VerilogParser(Path source, List<Token> tokens) {
    this.source = source;
    this.tokens = tokens;
  }

  static List<Module> parse(Path source, List<Token> tokens) {
    return new VerilogParser(source, tokens).file();
  }

  private List<Module> file() {
    List<Module> modules = new ArrayList<>();
    while (peek().kind() != Kind.EOF) {
      Token t = peek();
      if (t.is("`")) {
        directive();
      } else if (t.is("module")) {
        modules.add(module());
      } else {
        throw unsupportedOrSyntax(t, "'module'");
      }
    }
    if (modules.isEmpty()) {
      throw BadInputException.in(source, "no module in file");
    }
    return modules;
  }

  private void directive() {
    Token tick = next();
    Token name = next();
    if (!name.text().equals("timescale")) {
      throw BadInputException.at(source, tick.line(), "unsupported construct '`" + name.text() + "'");
    }
    while (peek().kind() != Kind.EOF && peek().line() == tick.line()) {
      next();
    }
  }

  private Module module() {
    Token kw = next();
    String name = ident("module name");
    if (peek().is("#")) {
      throw unsupported(peek(), "module parameters '#('");
    }
    List<String> ports = new ArrayList<>();
    Map<String, Decl> decls = new LinkedHashMap<>();
    if (accept("(")) {
      if (!accept(")")) {
        if (peek().is("input") || peek().is("output") || peek().is("inout")) {
          ansiPorts(ports, decls);
        } else {
          do {
            ports.add(ident("port name"));
          } while (accept(","));
        }
        expect(")");
      }
    }
    expect(";");
    List<Item> items = new ArrayList<>();
    while (!peek().is("endmodule")) {
      item(decls, items);
    }
    next();
    for (String p : ports) {
      Decl d = decls.get(p);
      if (d == null || d.dir() == Dir.WIRE) {
        throw BadInputException.at(source, kw.line(), "port '" + p + "' of module '" + name
            + "' has no input or output declaration");
      }
    }
    for (Decl d : decls.values()) {
      if (d.dir() != Dir.WIRE && !ports.contains(d.name())) {
        throw BadInputException.at(source, d.line(), d.dir().name().toLowerCase() + " '" + d.name()
            + "' is not in the port list of module '" + name + "'");
      }
    }
    return new Module(name, List.copyOf(ports), decls, items, kw.line());
  }

  private void ansiPorts(List<String> ports, Map<String, Decl> decls) {
    Dir dir = null;
    boolean signed = false;
    int[] range = {0, 0};
    do {
      if (peek().is("input") || peek().is("output") || peek().is("inout")) {
        Token d = next();
        if (d.is("inout")) {
          throw unsupported(d, "inout");
        }
        dir = d.is("input") ? Dir.INPUT : Dir.OUTPUT;
        accept("wire");
        signed = accept("signed");
        range = peek().is("[") ? range() : new int[] {0, 0};
      }
      Token t = peek();
      String name = ident("port name");
      ports.add(name);
      declare(decls, new Decl(name, dir, range[0], range[1], signed, t.line()));
    } while (accept(","));
  }

  private void item(Map<String, Decl> decls, List<Item> items) {
    Token t = peek();
    if (t.kind() == Kind.EOF) {
      throw BadInputException.at(source, t.line(), "syntax error: missing 'endmodule'");
    }
    if (t.is("input") || t.is("output") || t.is("wire")) {
      declaration(decls, items);
    } else if (t.is("assign")) {
      next();
      do {
        Expr target = expr();
        Token eq = expect("=");
        items.add(new Assign(target, expr(), eq.line()));
      } while (accept(","));
      expect(";");
    } else if (t.kind() == Kind.IDENT && !UNSUPPORTED.contains(t.text()) && !t.is("module")) {
      String type = next().text();
      if (peek().is("#")) {
        throw unsupported(peek(), "instance parameters '#('");
      }
      do {
        String name = peek().kind() == Kind.IDENT ? next().text() : "";
        Token open = expect("(");
        items.add(new Instance(type, name, connections(), open.line()));
        expect(")");
      } while (accept(","));
      expect(";");
    } else {
      throw unsupportedOrSyntax(t, "a declaration, 'assign', an instance or 'endmodule'");
    }
  }

  private void declaration(Map<String, Decl> decls, List<Item> items) {
    Token kw = next();
    Dir dir = kw.is("input") ? Dir.INPUT : kw.is("output") ? Dir.OUTPUT : Dir.WIRE;
    if (dir != Dir.WIRE) {
      accept("wire");
    }
    if (peek().is("reg")) {
      throw unsupported(peek(), "reg");
    }
    boolean signed = accept("signed");
    int[] range = peek().is("[") ? range() : new int[] {0, 0};
    do {
      Token t = peek();
      String name = ident("net name");
      Decl d = new Decl(name, dir, range[0], range[1], signed, t.line());
      declare(decls, d);
      if (accept("=")) {
        if (dir != Dir.WIRE) {
          throw syntax(t, "only a wire may have an initialiser");
        }
        items.add(new Assign(new Ident(name, t.line()), expr(), t.line()));
      }
    } while (accept(","));
    expect(";");
  }

  private void declare(Map<String, Decl> decls, Decl d) {
    Decl old = decls.get(d.name());
    if (old == null) {
      decls.put(d.name(), d);
    } else if (old.dir() != Dir.WIRE && d.dir() == Dir.WIRE && old.width() == d.width()) {
      return; // "output [7:0] O; wire [7:0] O;" declares the port's net type, nothing new
    } else if (old.dir() == Dir.WIRE && d.dir() != Dir.WIRE && old.width() == d.width()) {
      decls.put(d.name(), d);
    } else {
      throw BadInputException.at(source, d.line(), "'" + d.name() + "' is declared twice (first at line "
          + old.line() + ")");
    }
  }

  private int[] range() {
    expect("[");
    int msb = number("range bound");
    expect(":");
    int lsb = number("range bound");
    expect("]");
    if (Math.abs((long) msb - lsb) >= MAX_RANGE) {
      throw BadInputException.at(source, peek().line(), "range [" + msb + ":" + lsb + "] is wider than "
          + MAX_RANGE + " bits");
    }
    return new int[] {msb, lsb};
  }

  private List<Connection> connections() {
    List<Connection> list = new ArrayList<>();
    if (peek().is(")")) {
      return list;
    }
    boolean named = peek().is(".");
    do {
      if (named) {
        expect(".");
        String port = ident("port name");
        expect("(");
        Expr e = peek().is(")") ? null : expr();
        expect(")");
        list.add(new Connection(port, e));
      } else {
        list.add(new Connection(null, expr()));
      }
    } while (accept(","));
    return list;
  }

  private Expr expr() {
    if (++depth > MAX_DEPTH) {
      throw BadInputException.at(source, peek().line(), "expression nested deeper than " + MAX_DEPTH);
    }
    Expr cond = binary(0);
    if (peek().is("?")) {
      Token q = next();
      Expr then = expr();
      expect(":");
      cond = new Ternary(cond, then, expr(), q.line());
    }
    depth--;
    return cond;
  }

  private static final List<List<String>> LEVELS = List.of(List.of("|"), List.of("^", "~^", "^~"), List.of("&"),
      List.of("+"));

  private Expr binary(int level) {
    if (level == LEVELS.size()) {
      return unary();
    }
    Expr left = binary(level + 1);
    while (true) {
      Token t = peek();
      if (t.kind() == Kind.SYMBOL && BAD_OPERATORS.contains(t.text())) {
        throw unsupported(t, "operator '" + t.text() + "'");
      }
      if (t.kind() != Kind.SYMBOL || !LEVELS.get(level).contains(t.text())) {
        return left;
      }
      next();
      String op = t.text().equals("^~") ? "~^" : t.text();
      left = new Binary(op, left, binary(level + 1), t.line());
    }
  }

  private Expr unary() {
    Token t = peek();
    if (t.kind() == Kind.SYMBOL && List.of("~", "!", "&", "|", "^", "~&", "~|", "~^", "^~").contains(t.text())) {
      next();
      if (++depth > MAX_DEPTH) {
        throw BadInputException.at(source, t.line(), "expression nested deeper than " + MAX_DEPTH);
      }
      Expr e = new Unary(t.text().equals("^~") ? "~^" : t.text(), unary(), t.line());
      depth--;
      return e;
    }
    if (t.is("-") || t.is("+")) {
      throw unsupported(t, "unary '" + t.text() + "'");
    }
    return primary();
  }

  private Expr primary() {
    Token t = next();
    if (t.is("(")) {
      Expr e = expr();
      expect(")");
      return e;
    }
    if (t.is("{")) {
      if (peek().kind() == Kind.NUMBER && tokens.get(pos + 1).is("{")) {
        int count = number("replication count");
        expect("{");
        Expr body = concatBody(t);
        expect("}");
        if (count < 1 || count > MAX_RANGE) {
          throw syntax(t, "replication count must be 1.." + MAX_RANGE);
        }
        return new Repeat(count, body, t.line());
      }
      return concatBody(t);
    }
    if (t.kind() == Kind.SIZED) {
      return sized(t);
    }
    if (t.kind() == Kind.NUMBER) {
      return new Const(32, parseNumber(t), t.line());
    }
    if (t.kind() == Kind.IDENT && !UNSUPPORTED.contains(t.text())) {
      if (peek().is("(")) {
        throw unsupported(t, "function call '" + t.text() + "('");
      }
      if (!accept("[")) {
        return new Ident(t.text(), t.line());
      }
      int msb = number("bit index");
      if (peek().is("+") || peek().is("-")) {
        throw unsupported(peek(), "indexed part-select");
      }
      boolean part = accept(":");
      int lsb = part ? number("bit index") : msb;
      expect("]");
      return new Select(t.text(), msb, lsb, part, t.line());
    }
    throw unsupportedOrSyntax(t, "an expression");
  }

  private Expr concatBody(Token open) {
    List<Expr> parts = new ArrayList<>();
    do {
      parts.add(expr());
    } while (accept(","));
    expect("}");
    return parts.size() == 1 ? parts.get(0) : new Concat(parts, open.line());
  }

  private Const sized(Token t) {
    String s = t.text();
    int tick = s.indexOf('\'');
    int width = tick == 0 ? 32 : (int) Math.min(Integer.MAX_VALUE, parseLong(t, s.substring(0, tick)));
    int at = tick + 1;
    if (s.charAt(at) == 's' || s.charAt(at) == 'S') {
      at++;
    }
    char base = Character.toLowerCase(s.charAt(at));
    String digits = s.substring(at + 1);
    if (digits.matches(".*[xXzZ?].*")) {
      throw unsupported(t, "x/z literal '" + s + "'");
    }
    int radix = switch (base) {
      case 'b' -> 2;
      case 'o' -> 8;
      case 'h' -> 16;
      default -> 10;
    };
    if (width < 1 || width > 64 || digits.isEmpty() || digits.length() > 64) {
      throw syntax(t, "bad constant '" + s + "' (1 to 64 bits)");
    }
    BigInteger v;
    try {
      v = new BigInteger(digits, radix);
    } catch (NumberFormatException e) {
      throw syntax(t, "bad constant '" + s + "'");
    }
    return new Const(width, v.longValue() & (width == 64 ? -1L : (1L << width) - 1), t.line());
  }

  private long parseNumber(Token t) {
    return parseLong(t, t.text());
  }

  private long parseLong(Token t, String digits) {
    if (digits.isEmpty() || digits.length() > 12) {
      throw syntax(t, "bad number '" + t.text() + "'");
    }
    return Long.parseLong(digits);
  }

  private int number(String what) {
    Token t = next();
    if (t.kind() != Kind.NUMBER) {
      if (t.kind() == Kind.IDENT) {
        throw unsupported(t, "non-constant " + what + " '" + t.text() + "'");
      }
      throw syntax(t, "expected " + what + ", got " + t);
    }
    long v = parseNumber(t);
    if (v > MAX_RANGE * 16L) {
      throw syntax(t, what + " " + v + " is too large");
    }
    return (int) v;
  }

  private String ident(String what) {
    Token t = next();
    if (t.kind() != Kind.IDENT || UNSUPPORTED.contains(t.text())) {
      throw syntax(t, "expected " + what + ", got " + t);
    }
    return t.text();
  }

  private Token peek() {
    return tokens.get(pos);
  }

  private Token next() {
    Token t = tokens.get(pos);
    if (t.kind() != Kind.EOF) {
      pos++;
    }
    return t;
  }

  private boolean accept(String s) {
    if (peek().is(s)) {
      pos++;
      return true;
    }
    return false;
  }

  private Token expect(String s) {
    Token t = next();
    if (!t.is(s)) {
      throw syntax(t, "expected '" + s + "', got " + t);
    }
    return t;
  }

  private BadInputException syntax(Token t, String problem) {
    return BadInputException.at(source, t.line(), "syntax error: " + problem);
  }

  private BadInputException unsupported(Token t, String construct) {
    return BadInputException.at(source, t.line(), "unsupported construct " + (construct.startsWith("'")
        || construct.contains(" ") ? construct : "'" + construct + "'"));
  }

  private BadInputException unsupportedOrSyntax(Token t, String expected) {
    if (t.kind() == Kind.IDENT && UNSUPPORTED.contains(t.text())) {
      return unsupported(t, t.text());
    }
    if (t.is("(*")) {
      return unsupported(t, "attribute '(*'");
    }
    return syntax(t, "expected " + expected + ", got " + t);
  }
}
