package org.axdse.results.report;

import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * A small HTML writer: escaping, tables, embedded images, inline SVG with tooltips and the page frame with its
 * stylesheet.
 */
final class Html {
  private final StringBuilder out = new StringBuilder(64 * 1024);
  private boolean interactive;

  static String escape(String text) {
    StringBuilder b = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** A number with {@code digits} decimals, or an en dash for NaN (not evaluated). */
  static String number(double v, int digits) {
    return Double.isNaN(v) ? "\u2013" : String.format(Locale.ROOT, "%." + digits + "f", v);
  }

  static String percent(double fraction) {
    return Double.isNaN(fraction) ? "\u2013" : String.format(Locale.ROOT, "%.2f", 100 * fraction);
  }

  Html begin(String title) {
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append(escape(title)).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n")
        .append("<h1>").append(escape(title)).append("</h1>\n");
    return this;
  }

  Html heading(String text) {
    out.append("<h2>").append(escape(text)).append("</h2>\n");
    return this;
  }

  Html paragraph(String text) {
    out.append("<p>").append(escape(text)).append("</p>\n");
    return this;
  }

  /** A table; every cell is escaped. */
  Html table(List<String> header, List<List<String>> rows) {
    out.append("<table>\n<thead><tr>");
    for (String h : header) {
      out.append("<th>").append(escape(h)).append("</th>");
    }
    out.append("</tr></thead>\n<tbody>\n");
    for (List<String> row : rows) {
      out.append("<tr>");
      for (String cell : row) {
        out.append("<td>").append(escape(cell)).append("</td>");
      }
      out.append("</tr>\n");
    }
    out.append("</tbody>\n</table>\n");
    return this;
  }

  /** A PNG embedded as a data URI, so the page needs no other file. */
  Html image(byte[] png, String alt, int width, int height) {
    out.append("<figure><img alt=\"").append(escape(alt)).append("\" width=\"").append(width)
        .append("\" height=\"").append(height).append("\" src=\"data:image/png;base64,")
        .append(Base64.getEncoder().encodeToString(png)).append("\"><figcaption>").append(escape(alt))
        .append("</figcaption></figure>\n");
    return this;
  }

  /**
   * An SVG drawing inlined in the page (its XML declaration and DOCTYPE dropped), with hover tooltips when it
   * holds {@link org.axdse.results.plots.PointTips}; the page then carries the tooltip script.
   */
  Html svg(String svgDocument, String caption) {
    int start = svgDocument.indexOf("<svg");
    if (start < 0) {
      throw new IllegalArgumentException("not an SVG document");
    }
    out.append("<figure>").append(svgDocument.substring(start).strip()).append("<figcaption>")
        .append(escape(caption)).append("</figcaption></figure>\n");
    interactive = true;
    return this;
  }

  String end() {
    out.append("<footer>Written by axdse report.</footer>\n");
    if (interactive) {
      out.append("<script>\n").append(TooltipScript.SCRIPT).append("</script>\n");
    }
    out.append("</body>\n</html>\n");
    return out.toString();
  }

  private static final String STYLE = """
      body { font-family: sans-serif; margin: 2em auto; max-width: 1000px; color: #222; }
      h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 1.6em; border-bottom: 1px solid #ccc; }
      table { border-collapse: collapse; font-size: 0.85em; margin: 0.5em 0; }
      th, td { border: 1px solid #ccc; padding: 0.2em 0.5em; text-align: left; vertical-align: top; }
      th { background: #f2f2f2; } tbody tr:nth-child(even) { background: #fafafa; }
      figure { margin: 1em 0; } img { max-width: 100%; height: auto; border: 1px solid #ddd; }
      figcaption { font-size: 0.85em; color: #555; } footer { margin-top: 3em; font-size: 0.8em; color: #777; }
      """ + TooltipScript.STYLE;
}
