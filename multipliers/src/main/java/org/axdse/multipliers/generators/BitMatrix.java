package org.axdse.multipliers.generators;

import java.util.ArrayList;
import java.util.List;

/**
 * Bits to be summed, by column (weight {@code 2^column}): the input of a {@link Reduction}. Most bits sit in rows
 * (one net or {@link Logic#ZERO} per column), which the array reduction adds one by one; loose bits (constants,
 * and terms a correction moved onto an occupied cell) are listed apart so the array can slot them into free
 * adder inputs instead of adding a row for each.
 *
 * @param width number of columns
 * @param rows the rows, each {@code width} long
 * @param loose the loose bits as {@code {column, net}} pairs
 */
record BitMatrix(int width, List<int[]> rows, List<int[]> loose) {
  BitMatrix {
    for (int[] row : rows) {
      if (row.length != width) {
        throw new IllegalArgumentException("row width " + row.length + " differs from " + width);
      }
    }
    for (int[] bit : loose) {
      if (bit.length != 2 || bit[0] < 0 || bit[0] >= width) {
        throw new IllegalArgumentException("loose bit must be {column, net} within " + width + " columns");
      }
    }
    rows = rows.stream().map(int[]::clone).toList();
    loose = loose.stream().map(int[]::clone).toList();
  }

  /** The rows that hold at least one non-zero bit, copied. */
  List<int[]> nonEmptyRows() {
    List<int[]> out = new ArrayList<>();
    for (int[] row : rows) {
      for (int x : row) {
        if (x != Logic.ZERO) {
          out.add(row.clone());
          break;
        }
      }
    }
    return out;
  }

  /** The non-zero loose bits, copied. */
  List<int[]> looseBits() {
    return loose.stream().filter(b -> b[1] != Logic.ZERO).map(int[]::clone)
        .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
  }

  /** The non-zero bits of each column: row bits top row first, then loose bits. */
  List<List<Integer>> columns() {
    List<List<Integer>> cols = new ArrayList<>();
    for (int c = 0; c < width; c++) {
      List<Integer> col = new ArrayList<>();
      for (int[] row : rows) {
        if (row[c] != Logic.ZERO) {
          col.add(row[c]);
        }
      }
      cols.add(col);
    }
    for (int[] bit : loose) {
      if (bit[1] != Logic.ZERO) {
        cols.get(bit[0]).add(bit[1]);
      }
    }
    return cols;
  }
}
