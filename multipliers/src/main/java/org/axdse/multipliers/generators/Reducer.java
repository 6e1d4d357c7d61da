package org.axdse.multipliers.generators;

import java.util.ArrayList;
import java.util.List;

/**
 * Sums a {@link BitMatrix} with adder cells into one row: the product bits. Full adders in columns below
 * {@code approxColumns} are {@code cell}; all other adders are exact. A full adder's inputs {@code (A, B, Cin)}
 * are, in the array, the running sum bit, the new row's bit and the running carry bit, and in the trees the
 * column's bits in order.
 */
final class Reducer {
  private final Logic g;
  private final int width;
  private final AdderCell cell;
  private final int approxColumns;

  Reducer(Logic g, int width, AdderCell cell, int approxColumns) {
    this.g = g;
    this.width = width;
    this.cell = cell;
    this.approxColumns = approxColumns;
  }

  /** An exact reducer. */
  static Reducer exact(Logic g, int width) {
    return new Reducer(g, width, AdderCell.EXACT, 0);
  }

  /** The product bits (LSB first, {@code width} of them). */
  int[] reduce(BitMatrix m, Reduction reduction) {
    return switch (reduction) {
      case ARRAY -> array(m);
      case WALLACE -> finalAdder(wallace(m.columns()));
      case DADDA -> finalAdder(dadda(m.columns()));
    };
  }

  private int[] full(int col, int x, int y, int z) {
    if (col == width - 1) {
      return new int[] {cellSumOnly(col, x, y, z), Logic.ZERO};
    }
    return col < approxColumns ? cell.build(g, x, y, z) : g.fullAdder(x, y, z);
  }

  private int cellSumOnly(int col, int x, int y, int z) {
    return col < approxColumns ? cell.build(g, x, y, z)[0] : g.xor3(x, y, z);
  }

  private int[] half(int col, int x, int y) {
    return col == width - 1 ? new int[] {g.xor(x, y), Logic.ZERO} : g.halfAdder(x, y);
  }

  /** Adds up to three bits of column {@code col}: {@code {sum, carry}}, zero-filled. */
  private int[] add(int col, int[] bits) {
    List<Integer> present = new ArrayList<>(3);
    for (int b : bits) {
      if (b != Logic.ZERO) {
        present.add(b);
      }
    }
    return switch (present.size()) {
      case 0 -> new int[] {Logic.ZERO, Logic.ZERO};
      case 1 -> new int[] {present.get(0), Logic.ZERO};
      case 2 -> half(col, present.get(0), present.get(1));
      default -> full(col, present.get(0), present.get(1), present.get(2));
    };
  }

  /**
   * Carry-save array. The state is a sum row and a carry row; each step adds the next row with one adder per
   * column. Loose bits fill empty slots of the state (as a truncated array feeds them to the carry inputs its
   * dropped columns leave free); those that find none are packed into extra rows at the end.
   */
  private int[] array(BitMatrix m) {
    List<int[]> rows = new ArrayList<>(m.nonEmptyRows());
    List<int[]> loose = m.looseBits();
    int[] sum = rows.isEmpty() ? zeros() : rows.remove(0);
    int[] carry = zeros();
    inject(loose, sum, carry);
    while (!rows.isEmpty() || !loose.isEmpty()) {
      int[] row = rows.isEmpty() ? packRow(loose) : rows.remove(0);
      int[] nextSum = zeros();
      int[] nextCarry = zeros();
      for (int c = 0; c < width; c++) {
        int[] sc = add(c, new int[] {sum[c], row[c], carry[c]});
        nextSum[c] = sc[0];
        if (c + 1 < width) {
          nextCarry[c + 1] = sc[1];
        }
      }
      sum = nextSum;
      carry = nextCarry;
      inject(loose, sum, carry);
    }
    List<List<Integer>> cols = new ArrayList<>();
    for (int c = 0; c < width; c++) {
      cols.add(new ArrayList<>(List.of(sum[c], carry[c])));
    }
    return finalAdder(cols);
  }

  /** Moves loose bits into empty slots of the sum and carry rows. */
  private static void inject(List<int[]> loose, int[] sum, int[] carry) {
    for (java.util.Iterator<int[]> it = loose.iterator(); it.hasNext(); ) {
      int[] bit = it.next();
      if (sum[bit[0]] == Logic.ZERO) {
        sum[bit[0]] = bit[1];
        it.remove();
      } else if (carry[bit[0]] == Logic.ZERO) {
        carry[bit[0]] = bit[1];
        it.remove();
      }
    }
  }

  /** Takes loose bits into one row, at most one per column. */
  private int[] packRow(List<int[]> loose) {
    int[] row = zeros();
    for (java.util.Iterator<int[]> it = loose.iterator(); it.hasNext(); ) {
      int[] bit = it.next();
      if (row[bit[0]] == Logic.ZERO) {
        row[bit[0]] = bit[1];
        it.remove();
      }
    }
    return row;
  }

  private List<List<Integer>> wallace(List<List<Integer>> cols) {
    while (maxHeight(cols) > 2) {
      List<List<Integer>> next = emptyColumns();
      for (int c = 0; c < width; c++) {
        List<Integer> bits = cols.get(c);
        int i = 0;
        for (; bits.size() - i >= 3; i += 3) {
          place(next, c, full(c, bits.get(i), bits.get(i + 1), bits.get(i + 2)));
        }
        if (bits.size() - i == 2) {
          place(next, c, half(c, bits.get(i), bits.get(i + 1)));
        } else if (bits.size() - i == 1) {
          next.get(c).add(bits.get(i));
        }
      }
      cols = next;
    }
    return cols;
  }

  private List<List<Integer>> dadda(List<List<Integer>> cols) {
    List<Integer> targets = new ArrayList<>();
    for (int d = 2; d < maxHeight(cols); d = d * 3 / 2) {
      targets.add(0, d);
    }
    for (int d : targets) {
      List<List<Integer>> next = emptyColumns();
      for (int c = 0; c < width; c++) {
        List<Integer> avail = new ArrayList<>(cols.get(c));
        List<Integer> out = next.get(c);
        while (avail.size() + out.size() > d && avail.size() >= 2) {
          if (avail.size() + out.size() == d + 1 || avail.size() == 2) {
            place(next, c, half(c, avail.remove(0), avail.remove(0)));
          } else {
            place(next, c, full(c, avail.remove(0), avail.remove(0), avail.remove(0)));
          }
        }
        out.addAll(avail);
      }
      cols = next;
    }
    return cols;
  }

  private void place(List<List<Integer>> cols, int c, int[] sumCarry) {
    add(cols, c, sumCarry[0]);
    if (c + 1 < width) {
      add(cols, c + 1, sumCarry[1]);
    }
  }

  private static void add(List<List<Integer>> cols, int c, int bit) {
    if (bit != Logic.ZERO) {
      cols.get(c).add(bit);
    }
  }

  /** Ripple-carry adder over columns of at most two bits. */
  private int[] finalAdder(List<List<Integer>> cols) {
    int[] out = zeros();
    int carry = Logic.ZERO;
    for (int c = 0; c < width; c++) {
      List<Integer> bits = cols.get(c);
      if (bits.size() > 2) {
        throw new IllegalStateException("column " + c + " still has " + bits.size() + " bits");
      }
      int x = bits.isEmpty() ? Logic.ZERO : bits.get(0);
      int y = bits.size() < 2 ? Logic.ZERO : bits.get(1);
      int[] sc = add(c, new int[] {x, y, carry});
      out[c] = sc[0];
      carry = sc[1];
    }
    return out;
  }

  private static int maxHeight(List<List<Integer>> cols) {
    return cols.stream().mapToInt(List::size).max().orElse(0);
  }

  private List<List<Integer>> emptyColumns() {
    List<List<Integer>> cols = new ArrayList<>();
    for (int c = 0; c < width; c++) {
      cols.add(new ArrayList<>());
    }
    return cols;
  }

  private int[] zeros() {
    int[] z = new int[width];
    java.util.Arrays.fill(z, Logic.ZERO);
    return z;
  }
}
