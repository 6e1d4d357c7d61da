package org.axdse.multipliers.table;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The product of every operand pair of a multiplier: {@code 2^(8+N)} entries where index {@code (a << N) | w}
 * holds the product of activation code {@code a} and weight code {@code w}. Unsigned tables index by operand
 * values; signed tables index by two's-complement bit patterns and hold signed products; float tables index by
 * code bit patterns and hold {@link org.axdse.multipliers.format.FloatProduct#pack packed float products}. This is
 * the single form the simulator consumes. Immutable.
 */
public final class ProductTable {
  private final MultiplierFormat format;
  private final int[] products;
  private final int hash;

  private ProductTable(MultiplierFormat format, int[] products) {
    this.format = format;
    this.products = products;
    this.hash = 31 * format.hashCode() + Arrays.hashCode(products);
  }

  /** A table from its entries in index order; the array is copied. */
  public static ProductTable of(MultiplierFormat format, int[] products) {
    if (products.length != format.tableSize()) {
      throw new IllegalArgumentException(
          format + " table needs " + format.tableSize() + " entries, got " + products.length);
    }
    return new ProductTable(format, products.clone());
  }

  /** The exact product table of {@code format}. */
  public static ProductTable exact(MultiplierFormat format) {
    int[] p = new int[format.tableSize()];
    for (int i = 0; i < p.length; i++) {
      p[i] = format.exactProductAt(i);
    }
    return new ProductTable(format, p);
  }

  public MultiplierFormat format() {
    return format;
  }

  public int size() {
    return products.length;
  }

  /** The product stored at table index {@code index}. */
  public int atIndex(int index) {
    return products[index];
  }

  /** The product of operand values {@code a} and {@code w}. */
  public int product(int a, int w) {
    return products[format.index(a, w)];
  }

  /** The exact product {@code a*w} of the operands stored at {@code index} (packed for a float format). */
  public int exactAtIndex(int index) {
    return format.exactProductAt(index);
  }

  /** True when every entry equals the exact product. */
  public boolean isExact() {
    for (int i = 0; i < products.length; i++) {
      if (products[i] != exactAtIndex(i)) {
        return false;
      }
    }
    return true;
  }

  /** A copy of the entries in index order. */
  public int[] toArray() {
    return products.clone();
  }

  /** SHA-256 of the format label and entries, as lowercase hex: identifies a table across files and runs. */
  public String contentHash() {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(format.namePrefix().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      ByteBuffer buf = ByteBuffer.allocate(products.length * 4).order(ByteOrder.LITTLE_ENDIAN);
      buf.asIntBuffer().put(products);
      md.update(buf.array());
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ProductTable t && t.hash == hash && t.format.equals(format)
        && Arrays.equals(t.products, products);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return "ProductTable[" + format + ", " + products.length + " entries]";
  }
}
