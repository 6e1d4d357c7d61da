package org.axdse.multipliers.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.axdse.multipliers.util.BadInputException;

/**
 * Splits Verilog source into tokens with line numbers, dropping {@code //} and {@code /* *\/} comments. Line
 * comments of the form {@code // KEY = VALUE} are kept aside, since published libraries (EvoApprox8b) put their
 * figures there.
 */
final class VerilogLexer {
  enum Kind { IDENT, NUMBER, SIZED, SYMBOL, EOF }

  /** A token; {@code text} is the identifier (without a leading backslash), number or symbol. */
  record Token(Kind kind, String text, int line) {
    boolean is(String s) {
      return (kind == Kind.SYMBOL || kind == Kind.IDENT) && text.equals(s);
    }

    @Override
    public String toString() {
      return kind == Kind.EOF ? "end of file" : "'" + text + "'";
    }
  }

  private static final String[] SYMBOLS = {"~&", "~|", "~^", "^~", "==", "!=", "&&", "||", "<<", ">>", "<=", ">=",
      "(*", "*)", "(", ")", "[", "]", "{", "}", ",", ";", ":", ".", "=", "~", "&", "|", "^", "!", "+", "-", "?",
      "#", "@", "*", "/", "%", "<", ">", "$", "`", "'"};

  private final Path source;
  private final String text;
  private final List<Token> tokens = new ArrayList<>();
  private final List<String> lineComments = new ArrayList<>();
  private int pos;
  private int line = 1;

  private VerilogLexer(Path source, String text) {
    this.source = source;
    this.text = text;
  }

  static VerilogLexer lex(Path source, String text) {
    VerilogLexer lx = new VerilogLexer(source, text);
    lx.run();
    return lx;
  }

  List<Token> tokens() {
    return tokens;
  }

  /** The text of every {@code //} comment, in order. */
  List<String> lineComments() {
    return lineComments;
  }

  private void run() {
    while (true) {
      skipSpaceAndComments();
      if (pos >= text.length()) {
        tokens.add(new Token(Kind.EOF, "", line));
        return;
      }
      char c = text.charAt(pos);
      int start = pos;
      if (Character.isLetter(c) || c == '_') {
        while (pos < text.length() && isIdentChar(text.charAt(pos))) {
          pos++;
        }
        tokens.add(new Token(Kind.IDENT, text.substring(start, pos), line));
      } else if (c == '\\') {
        pos++;
        while (pos < text.length() && text.charAt(pos) > ' ' && text.charAt(pos) < 127) {
          pos++;
        }
        if (pos == start + 1) {
          throw BadInputException.at(source, line, "syntax error: empty escaped identifier");
        }
        tokens.add(new Token(Kind.IDENT, text.substring(start + 1, pos), line));
      } else if (Character.isDigit(c) || (c == '\'' && pos + 1 < text.length()
          && "bBoOdDhHsS".indexOf(text.charAt(pos + 1)) >= 0)) {
        lexNumber();
      } else {
        String sym = null;
        for (String s : SYMBOLS) {
          if (text.startsWith(s, pos)) {
            sym = s;
            break;
          }
        }
        if (sym == null) {
          throw BadInputException.at(source, line, "syntax error: unexpected character '" + printable(c) + "'");
        }
        pos += sym.length();
        tokens.add(new Token(Kind.SYMBOL, sym, line));
      }
    }
  }

  private void lexNumber() {
    int start = pos;
    while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
      pos++;
    }
    int save = pos;
    while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
      pos++;
    }
    if (pos < text.length() && text.charAt(pos) == '\'') {
      pos++;
      if (pos < text.length() && (text.charAt(pos) == 's' || text.charAt(pos) == 'S')) {
        pos++;
      }
      if (pos >= text.length() || "bBoOdDhH".indexOf(text.charAt(pos)) < 0) {
        throw BadInputException.at(source, line, "syntax error: bad based number");
      }
      pos++;
      while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
        pos++;
      }
      while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_'
          || text.charAt(pos) == '?')) {
        pos++;
      }
      tokens.add(new Token(Kind.SIZED, text.substring(start, pos).replaceAll("[\\s_]", ""), line));
    } else {
      pos = save;
      tokens.add(new Token(Kind.NUMBER, text.substring(start, pos).replace("_", ""), line));
    }
  }

  private void skipSpaceAndComments() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '\n') {
        line++;
        pos++;
      } else if (Character.isWhitespace(c)) {
        pos++;
      } else if (text.startsWith("//", pos)) {
        int end = text.indexOf('\n', pos);
        end = end < 0 ? text.length() : end;
        lineComments.add(text.substring(pos + 2, end));
        pos = end;
      } else if (text.startsWith("/*", pos)) {
        int end = text.indexOf("*/", pos + 2);
        if (end < 0) {
          throw BadInputException.at(source, line, "syntax error: unterminated /* comment");
        }
        for (int i = pos; i < end; i++) {
          if (text.charAt(i) == '\n') {
            line++;
          }
        }
        pos = end + 2;
      } else {
        return;
      }
    }
  }

  private static boolean isIdentChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }

  private static String printable(char c) {
    return c >= ' ' && c < 127 ? String.valueOf(c) : String.format("\\u%04x", (int) c);
  }
}
