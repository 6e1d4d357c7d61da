package org.axdse.multipliers.io;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.axdse.multipliers.io.VerilogLexer.Kind;
import org.axdse.multipliers.io.VerilogLexer.Token;
import org.axdse.multipliers.util.BadInputException;

/** A position in a token list, with the checks and error messages the Verilog parsers share. */
final class TokenCursor {
  /** Verilog keywords outside the subset: reported by name as unsupported constructs. */
  static final Set<String> UNSUPPORTED = Set.of("always", "always_comb", "always_ff", "initial", "reg",
      "logic", "integer", "parameter", "localparam", "function", "task", "generate", "genvar", "inout", "specify",
      "defparam", "supply0", "supply1", "tri", "wand", "wor", "real", "time", "event", "begin", "end", "if",
      "case", "for", "while", "primitive", "macromodule", "interface", "package", "assert");
  static final int MAX_RANGE = 1 << 16;

  final Path source;
  private final List<Token> tokens;
  private int pos;

  TokenCursor(Path source, List<Token> tokens) {
    this.source = source;
    this.tokens = tokens;
  }

  /** The token {@code k} places ahead (the end-of-file token when past it). */
  Token ahead(int k) {
    return tokens.get(Math.min(pos + k, tokens.size() - 1));
  }

  long parseNumber(Token t) {
    return parseLong(t, t.text());
  }

  long parseLong(Token t, String digits) {
    if (digits.isEmpty() || digits.length() > 12) {
      throw syntax(t, "bad number '" + t.text() + "'");
    }
    return Long.parseLong(digits);
  }

  int number(String what) {
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

  String ident(String what) {
    Token t = next();
    if (t.kind() != Kind.IDENT || UNSUPPORTED.contains(t.text())) {
      throw syntax(t, "expected " + what + ", got " + t);
    }
    return t.text();
  }

  Token peek() {
    return tokens.get(pos);
  }

  Token next() {
    Token t = tokens.get(pos);
    if (t.kind() != Kind.EOF) {
      pos++;
    }
    return t;
  }

  boolean accept(String s) {
    if (peek().is(s)) {
      pos++;
      return true;
    }
    return false;
  }

  Token expect(String s) {
    Token t = next();
    if (!t.is(s)) {
      throw syntax(t, "expected '" + s + "', got " + t);
    }
    return t;
  }

  BadInputException syntax(Token t, String problem) {
    return BadInputException.at(source, t.line(), "syntax error: " + problem);
  }

  BadInputException unsupported(Token t, String construct) {
    return BadInputException.at(source, t.line(), "unsupported construct " + (construct.startsWith("'")
        || construct.contains(" ") ? construct : "'" + construct + "'"));
  }

  BadInputException unsupportedOrSyntax(Token t, String expected) {
    if (t.kind() == Kind.IDENT && UNSUPPORTED.contains(t.text())) {
      return unsupported(t, t.text());
    }
    if (t.is("(*")) {
      return unsupported(t, "attribute '(*'");
    }
    return syntax(t, "expected " + expected + ", got " + t);
  }
}
