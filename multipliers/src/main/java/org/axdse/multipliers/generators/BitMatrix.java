package org.axdse.multipliers.generators;

import java.util.ArrayList;
import java.util.List;

/**
 * Bits to be summed, by column (weight {@code 2^column}) and row: the input of a {@link Reduction}. Each row has
 * one net or {@link Logic#ZERO} per column; rows matter only to the array reduction, which adds them one by one.
 */
record BitMatrix(int width, List<int[]> rows) {
  BitMatrix {
    for (int[] row : rows) {
      if (row.length != width) {
        throw new IllegalArgumentException("row width " + row.length + " differs from " + width);
      }
    }
    rows = rows.stream().map(int[]::clone).toList();
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

  /** The non-zero bits of each column, top row first. */
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
    return cols;
  }
}
