package org.axdse.simulator.kernels;

import java.util.Arrays;
import java.util.List;
import org.axdse.multipliers.table.MultiplierFormat;

/**
 * Which compiled product table each output channel (GEMM row) multiplies with: one table for the whole layer, or
 * one per channel in any mix (exact channels included). All tables share one format. Immutable.
 */
public final class RowTables {
  private final LookupTable[] tables;
  private final MultiplierFormat format;
  private volatile NativeTables nativeTables;

  private RowTables(LookupTable[] tables) {
    if (tables.length == 0) {
      throw new IllegalArgumentException("at least one row is required");
    }
    for (LookupTable t : tables) {
      if (t == null) {
        throw new IllegalArgumentException("every row needs a table");
      }
      if (!t.format().equals(tables[0].format())) {
        throw new IllegalArgumentException(
            "all tables of a layer must share one format: " + tables[0].format() + " vs " + t.format());
      }
    }
    this.tables = tables;
    this.format = tables[0].format();
  }

  /** The same table for all {@code rows} rows: a per-layer assignment. */
  public static RowTables ofLayer(LookupTable table, int rows) {
    if (rows <= 0) {
      throw new IllegalArgumentException("rows must be positive, got " + rows);
    }
    LookupTable[] t = new LookupTable[rows];
    Arrays.fill(t, table);
    return new RowTables(t);
  }

  /** One table per row: a per-channel assignment. */
  public static RowTables ofChannels(List<LookupTable> tables) {
    return new RowTables(tables.toArray(new LookupTable[0]));
  }

  public int rows() {
    return tables.length;
  }

  public MultiplierFormat format() {
    return format;
  }

  /** The table of row {@code n}. */
  public LookupTable table(int n) {
    return tables[n];
  }

  /** The 16-bit tables laid out for the native table kernel, built on first use. */
  NativeTables nativeTables() {
    NativeTables t = nativeTables;
    if (t == null) {
      t = NativeTables.of(this);
      nativeTables = t;
    }
    return t;
  }
}
