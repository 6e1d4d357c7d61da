package org.axdse.multipliers.io;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.ProductTable;
import org.axdse.multipliers.table.Signedness;
import org.axdse.multipliers.util.BadInputException;

/**
 * Product tables as comma-separated text, in one of two layouts told apart by the number of fields per line.
 * <ul>
 *   <li>Triples: one row {@code a,w,product} per operand pair, operands as values (negative for signed formats),
 *       any order, optionally after a header line such as {@code a,w,product}. The row count gives N
 *       ({@code 256 * 2^N} rows); any negative operand makes the table signed unless the sidecar says otherwise.
 *   <li>Matrix: 256 lines of {@code 2^N} products; line {@code r} is activation code {@code r} and column
 *       {@code c} weight code {@code c} (bit patterns, as in the .bin layout). Signedness comes from the sidecar
 *       (default unsigned).
 * </ul>
 * Blank lines and lines starting with {@code #} are skipped. The writer uses the triples layout with a header.
 */
final class TableCsv {
  private static final int MAX_ROWS = 1 << 16;

  private TableCsv() {}

  private record Row(int line, long[] values) {}

  static ProductTable read(Path source, byte[] bytes, FormatHint hint) {
    List<Row> rows = new ArrayList<>();
    String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
    int width = -1;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] fields = line.split(",", -1);
      if (rows.isEmpty() && width < 0 && !isInteger(fields[0].strip())) {
        if (fields.length != 3) {
          throw BadInputException.at(source, i + 1, "header must be 'a,w,product' (a matrix has no header)");
        }
        width = 3;
        continue;
      }
      if (width < 0) {
        width = fields.length;
      }
      if (fields.length != width) {
        throw BadInputException.at(source, i + 1, "expected " + width + " fields, got " + fields.length);
      }
      if (rows.size() == MAX_ROWS) {
        throw BadInputException.at(source, i + 1, "more than " + MAX_ROWS + " rows");
      }
      long[] values = new long[width];
      for (int k = 0; k < width; k++) {
        String f = fields[k].strip();
        if (!isInteger(f)) {
          throw BadInputException.at(source, i + 1, "field " + (k + 1) + " '" + abbreviate(f) + "' is not an integer");
        }
        values[k] = Long.parseLong(f);
        if (values[k] != (int) values[k]) {
          throw BadInputException.at(source, i + 1, "value " + f + " does not fit a 32-bit integer");
        }
      }
      rows.add(new Row(i + 1, values));
    }
    if (rows.isEmpty()) {
      throw BadInputException.in(source, "no table rows");
    }
    return width == 3 ? readTriples(source, rows, hint) : readMatrix(source, rows, hint);
  }

  private static ProductTable readTriples(Path source, List<Row> rows, FormatHint hint) {
    int n = log2(rows.size()) - 8;
    if (Integer.bitCount(rows.size()) != 1 || n < 2 || n > 8) {
      throw BadInputException.in(source, "a table of a,w,product rows needs 256 * 2^N rows (N = 2..8), got "
          + rows.size());
    }
    boolean negative = rows.stream().anyMatch(r -> r.values[0] < 0 || r.values[1] < 0);
    MultiplierFormat f = hint.resolve(source, n, negative ? Signedness.SIGNED : Signedness.UNSIGNED);
    int[] products = new int[f.tableSize()];
    boolean[] seen = new boolean[f.tableSize()];
    for (Row r : rows) {
      long a = r.values[0];
      long w = r.values[1];
      if (a < f.minActivation() || a > f.maxActivation() || w < f.minWeight() || w > f.maxWeight()) {
        throw BadInputException.at(source, r.line, "operands (" + a + ", " + w + ") out of range for " + f);
      }
      int idx = f.index((int) a, (int) w);
      if (seen[idx]) {
        throw BadInputException.at(source, r.line, "operand pair (" + a + ", " + w + ") appears twice");
      }
      seen[idx] = true;
      products[idx] = (int) r.values[2];
    }
    return ProductTable.of(f, products);
  }

  private static ProductTable readMatrix(Path source, List<Row> rows, FormatHint hint) {
    int cols = rows.get(0).values.length;
    int n = log2(cols);
    if (rows.size() != 256 || Integer.bitCount(cols) != 1 || n < 2 || n > 8) {
      throw BadInputException.in(source, "a matrix table needs 256 rows of 2^N products (N = 2..8), got "
          + rows.size() + " rows of " + cols);
    }
    MultiplierFormat f = hint.resolve(source, n, null);
    int[] products = new int[f.tableSize()];
    for (int r = 0; r < 256; r++) {
      for (int c = 0; c < cols; c++) {
        products[(r << n) | c] = (int) rows.get(r).values[c];
      }
    }
    return ProductTable.of(f, products);
  }

  static byte[] write(ProductTable table) {
    MultiplierFormat f = table.format();
    StringBuilder sb = new StringBuilder(table.size() * 12).append("a,w,product\n");
    for (int i = 0; i < table.size(); i++) {
      sb.append(f.activationAt(i)).append(',').append(f.weightAt(i)).append(',').append(table.atIndex(i))
          .append('\n');
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** An optional sign and 1 to 12 decimal digits (no regex: this runs for every field). */
  private static boolean isInteger(String s) {
    int start = !s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-') ? 1 : 0;
    int digits = s.length() - start;
    if (digits < 1 || digits > 12) {
      return false;
    }
    for (int i = start; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static int log2(int v) {
    return 31 - Integer.numberOfLeadingZeros(Math.max(v, 1));
  }

  private static String abbreviate(String s) {
    return s.length() > 20 ? s.substring(0, 20) + "..." : s;
  }
}
