package org.axdse.multipliers.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.ProductTable;
import org.axdse.multipliers.util.BadInputException;

/**
 * The TFApprox lookup-table layout (Mrazek et al. 2020, "TFApprox: Towards a Fast Emulation of DNN Approximate
 * Hardware Accelerators on GPU"): {@code 2^(8+N)} little-endian 16-bit products, entry {@code (a << N) | w}.
 * Unsigned tables hold uint16 products of operand values; signed tables hold int16 products and are indexed by
 * two's-complement bit patterns. The file does not say its format, so it comes from the sidecar or the caller
 * (default {@code u8x8}, the original TFApprox layout), and the file size must match it exactly.
 */
final class TableBinary {
  private TableBinary() {}

  static ProductTable read(Path source, byte[] bytes, FormatHint hint) {
    MultiplierFormat f = hint.resolve(source, 0, null);
    long expected = 2L * f.tableSize();
    if (bytes.length != expected) {
      String what = bytes.length < expected ? "truncated" : "oversized";
      throw BadInputException.in(source, what + " .bin table: " + bytes.length + " bytes, a " + f + " table has "
          + f.tableSize() + " x " + (f.signed() ? "int16" : "uint16") + " = " + expected
          + " bytes (the format comes from the sidecar's 'format', default u8x8)");
    }
    ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int[] products = new int[f.tableSize()];
    for (int i = 0; i < products.length; i++) {
      short v = in.getShort();
      products[i] = f.signed() ? v : v & 0xFFFF;
    }
    return ProductTable.of(f, products);
  }

  static byte[] write(ProductTable table, Path target) {
    MultiplierFormat f = table.format();
    int lo = f.signed() ? Short.MIN_VALUE : 0;
    int hi = f.signed() ? Short.MAX_VALUE : 0xFFFF;
    ByteBuffer out = ByteBuffer.allocate(2 * table.size()).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < table.size(); i++) {
      int p = table.atIndex(i);
      if (p < lo || p > hi) {
        throw BadInputException.in(target, "product " + p + " at index " + i + " does not fit "
            + (f.signed() ? "int16" : "uint16") + "; use .npy or .csv for this table");
      }
      out.putShort((short) p);
    }
    return out.array();
  }
}
