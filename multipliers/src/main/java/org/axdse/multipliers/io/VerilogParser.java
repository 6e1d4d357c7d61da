package org.axdse.multipliers.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axdse.multipliers.io.VerilogLexer.Kind;
import org.axdse.multipliers.io.VerilogLexer.Token;
import org.axdse.multipliers.io.VerilogSyntax.Assign;
import org.axdse.multipliers.io.VerilogSyntax.Connection;
import org.axdse.multipliers.io.VerilogSyntax.Decl;
import org.axdse.multipliers.io.VerilogSyntax.Dir;
import org.axdse.multipliers.io.VerilogSyntax.Expr;
import org.axdse.multipliers.io.VerilogSyntax.Ident;
import org.axdse.multipliers.io.VerilogSyntax.Instance;
import org.axdse.multipliers.io.VerilogSyntax.Item;
import org.axdse.multipliers.io.VerilogSyntax.Module;
import org.axdse.multipliers.util.BadInputException;

/**
 * Recursive-descent parser for the structural Verilog subset (see {@link VerilogNetlists}). Anything outside the
 * subset is reported as an unsupported construct by name rather than as a generic syntax error.
 */
final class VerilogParser {
  private final Path source;
  private final TokenCursor cur;
  private final VerilogExpressionParser exprs;

  private VerilogParser(Path source, List<Token> tokens) {
    this.source = source;
    this.cur = new TokenCursor(source, tokens);
    this.exprs = new VerilogExpressionParser(cur);
  }

  static List<Module> parse(Path source, List<Token> tokens) {
    return new VerilogParser(source, tokens).file();
  }

  private List<Module> file() {
    List<Module> modules = new ArrayList<>();
    while (cur.peek().kind() != Kind.EOF) {
      Token t = cur.peek();
      if (t.is("`")) {
        directive();
      } else if (t.is("module")) {
        modules.add(module());
      } else {
        throw cur.unsupportedOrSyntax(t, "'module'");
      }
    }
    if (modules.isEmpty()) {
      throw BadInputException.in(source, "no module in file");
    }
    return modules;
  }

  private void directive() {
    Token tick = cur.next();
    Token name = cur.next();
    if (!name.text().equals("timescale")) {
      throw BadInputException.at(source, tick.line(), "unsupported construct '`" + name.text() + "'");
    }
    while (cur.peek().kind() != Kind.EOF && cur.peek().line() == tick.line()) {
      cur.next();
    }
  }

  private Module module() {
    Token kw = cur.next();
    String name = cur.ident("module name");
    if (cur.peek().is("#")) {
      throw cur.unsupported(cur.peek(), "module parameters '#('");
    }
    List<String> ports = new ArrayList<>();
    Map<String, Decl> decls = new LinkedHashMap<>();
    if (cur.accept("(")) {
      if (!cur.accept(")")) {
        if (cur.peek().is("input") || cur.peek().is("output") || cur.peek().is("inout")) {
          ansiPorts(ports, decls);
        } else {
          do {
            ports.add(cur.ident("port name"));
          } while (cur.accept(","));
        }
        cur.expect(")");
      }
    }
    cur.expect(";");
    List<Item> items = new ArrayList<>();
    while (!cur.peek().is("endmodule")) {
      item(decls, items);
    }
    cur.next();
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
      if (cur.peek().is("input") || cur.peek().is("output") || cur.peek().is("inout")) {
        Token d = cur.next();
        if (d.is("inout")) {
          throw cur.unsupported(d, "inout");
        }
        dir = d.is("input") ? Dir.INPUT : Dir.OUTPUT;
        cur.accept("wire");
        signed = cur.accept("signed");
        range = cur.peek().is("[") ? range() : new int[] {0, 0};
      }
      Token t = cur.peek();
      String name = cur.ident("port name");
      ports.add(name);
      declare(decls, new Decl(name, dir, range[0], range[1], signed, t.line()));
    } while (cur.accept(","));
  }

  private void item(Map<String, Decl> decls, List<Item> items) {
    Token t = cur.peek();
    if (t.kind() == Kind.EOF) {
      throw BadInputException.at(source, t.line(), "syntax error: missing 'endmodule'");
    }
    if (t.is("input") || t.is("output") || t.is("wire")) {
      declaration(decls, items);
    } else if (t.is("assign")) {
      cur.next();
      do {
        Expr target = exprs.expr();
        Token eq = cur.expect("=");
        items.add(new Assign(target, exprs.expr(), eq.line()));
      } while (cur.accept(","));
      cur.expect(";");
    } else if (t.kind() == Kind.IDENT && !TokenCursor.UNSUPPORTED.contains(t.text()) && !t.is("module")) {
      String type = cur.next().text();
      if (cur.peek().is("#")) {
        throw cur.unsupported(cur.peek(), "instance parameters '#('");
      }
      do {
        String name = cur.peek().kind() == Kind.IDENT ? cur.next().text() : "";
        Token open = cur.expect("(");
        items.add(new Instance(type, name, connections(), open.line()));
        cur.expect(")");
      } while (cur.accept(","));
      cur.expect(";");
    } else {
      throw cur.unsupportedOrSyntax(t, "a declaration, 'assign', an instance or 'endmodule'");
    }
  }

  private void declaration(Map<String, Decl> decls, List<Item> items) {
    Token kw = cur.next();
    Dir dir = kw.is("input") ? Dir.INPUT : kw.is("output") ? Dir.OUTPUT : Dir.WIRE;
    if (dir != Dir.WIRE) {
      cur.accept("wire");
    }
    if (cur.peek().is("reg")) {
      throw cur.unsupported(cur.peek(), "reg");
    }
    boolean signed = cur.accept("signed");
    int[] range = cur.peek().is("[") ? range() : new int[] {0, 0};
    do {
      Token t = cur.peek();
      String name = cur.ident("net name");
      Decl d = new Decl(name, dir, range[0], range[1], signed, t.line());
      declare(decls, d);
      if (cur.accept("=")) {
        if (dir != Dir.WIRE) {
          throw cur.syntax(t, "only a wire may have an initialiser");
        }
        items.add(new Assign(new Ident(name, t.line()), exprs.expr(), t.line()));
      }
    } while (cur.accept(","));
    cur.expect(";");
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
    cur.expect("[");
    int msb = cur.number("range bound");
    cur.expect(":");
    int lsb = cur.number("range bound");
    cur.expect("]");
    if (Math.abs((long) msb - lsb) >= TokenCursor.MAX_RANGE) {
      throw BadInputException.at(source, cur.peek().line(), "range [" + msb + ":" + lsb + "] is wider than "
          + TokenCursor.MAX_RANGE + " bits");
    }
    return new int[] {msb, lsb};
  }

  private List<Connection> connections() {
    List<Connection> list = new ArrayList<>();
    if (cur.peek().is(")")) {
      return list;
    }
    boolean named = cur.peek().is(".");
    do {
      if (named) {
        cur.expect(".");
        String port = cur.ident("port name");
        cur.expect("(");
        Expr e = cur.peek().is(")") ? null : exprs.expr();
        cur.expect(")");
        list.add(new Connection(port, e));
      } else {
        list.add(new Connection(null, exprs.expr()));
      }
    } while (cur.accept(","));
    return list;
  }
}
