package org.axdse.multipliers.io;

import java.nio.file.Path;
import java.util.Arrays;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.ProductTable;
import org.axdse.multipliers.util.BadInputException;

/**
 * Product tables as NumPy arrays: dtype {@code <u2}, {@code <i2}, {@code <i4} or {@code <i8}, shape
 * {@code (2^(8+N),)} in table-index order or {@code (256, 2^N)} with rows indexed by activation code and columns by
 * weight code. The shape gives N; signedness comes from the sidecar or caller (default unsigned).
 */
final class TableNpy {
  private TableNpy() {}

  static ProductTable read(Path source, byte[] bytes, FormatHint hint) {
    Npy npy = Npy.parse(source, bytes, 1 << 16);
    Npy.DType t = npy.dtype();
    if (t != Npy.DType.U2 && t != Npy.DType.I2 && t != Npy.DType.I4 && t != Npy.DType.I8) {
      throw BadInputException.in(source, "table dtype must be <u2, <i2, <i4 or <i8, got " + t.descr());
    }
    long[] shape = npy.shape();
    long entries = npy.size();
    boolean flat = shape.length == 1;
    boolean matrix = shape.length == 2 && shape[0] == 256;
    int n = Long.numberOfTrailingZeros(entries) - 8;
    if (!(flat || matrix) || Long.bitCount(entries) != 1 || n < 2 || n > 8) {
      throw BadInputException.in(source, "table shape must be (2^(8+N),) or (256, 2^N) with N = 2..8, got "
          + Arrays.toString(shape));
    }
    MultiplierFormat f = hint.resolve(source, n, null);
    int[] products = npy.toIntArrayOrNull();
    if (products == null) {
      throw BadInputException.in(source, "a product does not fit a 32-bit integer");
    }
    return ProductTable.of(f, products);
  }

  /** A {@code (256, 2^N)} array: {@code <u2} or {@code <i2} when every product fits, else {@code <i4}. */
  static byte[] write(ProductTable table) {
    MultiplierFormat f = table.format();
    long[] values = Arrays.stream(table.toArray()).asLongStream().toArray();
    Npy.DType narrow = f.signed() ? Npy.DType.I2 : Npy.DType.U2;
    boolean fits = Arrays.stream(values).allMatch(v -> Npy.fits(narrow, v));
    long[] shape = {1L << f.activationBits(), 1L << f.weightBits()};
    return Npy.ofLongs(fits ? narrow : Npy.DType.I4, shape, values).toBytes();
  }
}
