package org.axdse.multipliers.io;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.axdse.multipliers.io.VerilogLexer.Kind;
import org.axdse.multipliers.io.VerilogLexer.Token;
import org.axdse.multipliers.io.VerilogSyntax.Binary;
import org.axdse.multipliers.io.VerilogSyntax.Concat;
import org.axdse.multipliers.io.VerilogSyntax.Const;
import org.axdse.multipliers.io.VerilogSyntax.Expr;
import org.axdse.multipliers.io.VerilogSyntax.Ident;
import org.axdse.multipliers.io.VerilogSyntax.Repeat;
import org.axdse.multipliers.io.VerilogSyntax.Select;
import org.axdse.multipliers.io.VerilogSyntax.Ternary;
import org.axdse.multipliers.io.VerilogSyntax.Unary;
import org.axdse.multipliers.util.BadInputException;

/**
 * Parses Verilog expressions of the subset by precedence ({@code ?:} below {@code |} below {@code ^ ~^} below
 * {@code &} below {@code +} below unary operators). Other operators are reported as unsupported constructs, and
 * nesting is bounded so hostile input cannot exhaust the stack.
 */
final class VerilogExpressionParser {
  private static final Set<String> BAD_OPERATORS = Set.of("-", "*", "/", "%", "<<", ">>", "==", "!=", "<", ">",
      "<=", ">=", "&&", "||");
  private static final int MAX_DEPTH = 200;

  private final TokenCursor cur;
  private int depth;

  VerilogExpressionParser(TokenCursor cur) {
    this.cur = cur;
  }

  Expr expr() {
    if (++depth > MAX_DEPTH) {
      throw BadInputException.at(cur.source, cur.peek().line(), "expression nested deeper than " + MAX_DEPTH);
    }
    Expr cond = binary(0);
    if (cur.peek().is("?")) {
      Token q = cur.next();
      Expr then = expr();
      cur.expect(":");
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
      Token t = cur.peek();
      if (t.kind() == Kind.SYMBOL && BAD_OPERATORS.contains(t.text())) {
        throw cur.unsupported(t, "operator '" + t.text() + "'");
      }
      if (t.kind() != Kind.SYMBOL || !LEVELS.get(level).contains(t.text())) {
        return left;
      }
      cur.next();
      String op = t.text().equals("^~") ? "~^" : t.text();
      left = new Binary(op, left, binary(level + 1), t.line());
    }
  }

  private Expr unary() {
    Token t = cur.peek();
    if (t.kind() == Kind.SYMBOL && List.of("~", "!", "&", "|", "^", "~&", "~|", "~^", "^~").contains(t.text())) {
      cur.next();
      if (++depth > MAX_DEPTH) {
        throw BadInputException.at(cur.source, t.line(), "expression nested deeper than " + MAX_DEPTH);
      }
      Expr e = new Unary(t.text().equals("^~") ? "~^" : t.text(), unary(), t.line());
      depth--;
      return e;
    }
    if (t.is("-") || t.is("+")) {
      throw cur.unsupported(t, "unary '" + t.text() + "'");
    }
    return primary();
  }

  private Expr primary() {
    Token t = cur.next();
    if (t.is("(")) {
      Expr e = expr();
      cur.expect(")");
      return e;
    }
    if (t.is("{")) {
      if (cur.peek().kind() == Kind.NUMBER && cur.ahead(1).is("{")) {
        int count = cur.number("replication count");
        cur.expect("{");
        Expr body = concatBody(t);
        cur.expect("}");
        if (count < 1 || count > TokenCursor.MAX_RANGE) {
          throw cur.syntax(t, "replication count must be 1.." + TokenCursor.MAX_RANGE);
        }
        return new Repeat(count, body, t.line());
      }
      return concatBody(t);
    }
    if (t.kind() == Kind.SIZED) {
      return sized(t);
    }
    if (t.kind() == Kind.NUMBER) {
      return new Const(32, cur.parseNumber(t), t.line());
    }
    if (t.kind() == Kind.IDENT && !TokenCursor.UNSUPPORTED.contains(t.text())) {
      if (cur.peek().is("(")) {
        throw cur.unsupported(t, "function call '" + t.text() + "('");
      }
      if (!cur.accept("[")) {
        return new Ident(t.text(), t.line());
      }
      int msb = cur.number("bit index");
      if (cur.peek().is("+") || cur.peek().is("-")) {
        throw cur.unsupported(cur.peek(), "indexed part-select");
      }
      boolean part = cur.accept(":");
      int lsb = part ? cur.number("bit index") : msb;
      cur.expect("]");
      return new Select(t.text(), msb, lsb, part, t.line());
    }
    throw cur.unsupportedOrSyntax(t, "an expression");
  }

  private Expr concatBody(Token open) {
    List<Expr> parts = new ArrayList<>();
    do {
      parts.add(expr());
    } while (cur.accept(","));
    cur.expect("}");
    return parts.size() == 1 ? parts.get(0) : new Concat(parts, open.line());
  }

  private Const sized(Token t) {
    String s = t.text();
    int tick = s.indexOf('\'');
    int width = tick == 0 ? 32 : (int) Math.min(Integer.MAX_VALUE, cur.parseLong(t, s.substring(0, tick)));
    int at = tick + 1;
    if (s.charAt(at) == 's' || s.charAt(at) == 'S') {
      at++;
    }
    char base = Character.toLowerCase(s.charAt(at));
    String digits = s.substring(at + 1);
    if (digits.matches(".*[xXzZ?].*")) {
      throw cur.unsupported(t, "x/z literal '" + s + "'");
    }
    int radix = switch (base) {
      case 'b' -> 2;
      case 'o' -> 8;
      case 'h' -> 16;
      default -> 10;
    };
    if (width < 1 || width > 64 || digits.isEmpty() || digits.length() > 64) {
      throw cur.syntax(t, "bad constant '" + s + "' (1 to 64 bits)");
    }
    BigInteger v;
    try {
      v = new BigInteger(digits, radix);
    } catch (NumberFormatException e) {
      throw cur.syntax(t, "bad constant '" + s + "'");
    }
    return new Const(width, v.longValue() & (width == 64 ? -1L : (1L << width) - 1), t.line());
  }

}
