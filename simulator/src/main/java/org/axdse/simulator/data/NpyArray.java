package org.axdse.simulator.data;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axdse.multipliers.util.BadInputException;

/**
 * A numpy {@code .npy} array as read from disk (format versions 1.0 to 3.0, see numpy's
 * {@code numpy.lib.format}): its dtype kind and item size, shape, and raw element bytes in C order. Only what
 * the dataset loaders need: plain (non-structured) dtypes, C-order data, and element access for integers.
 *
 * <p>To be merged with {@code org.axdse.multipliers.io.Npy}, the general reader, once both exist.
 */
record NpyArray(Path file, char kind, int itemSize, ByteOrder order, long[] shape, byte[] data) {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");
  private static final Pattern PLAIN_DESCR = Pattern.compile("([<>|=])([a-zA-Z])([0-9]{1,2})");

  /** Reads {@code file}; the claimed element count is checked against the file length before anything else. */
  static NpyArray read(Path file) {
    byte[] b = FileBytes.readPlain(file);
    for (int i = 0; i < MAGIC.length; i++) {
      if (b.length <= i || b[i] != MAGIC[i]) {
        throw BadInputException.in(file, "not a .npy file (no \\x93NUMPY magic)");
      }
    }
    if (b.length < 10) {
      throw BadInputException.in(file, "truncated .npy header");
    }
    int major = b[6] & 0xFF;
    int headerLenBytes = major == 1 ? 2 : major == 2 || major == 3 ? 4 : -1;
    if (headerLenBytes < 0) {
      throw BadInputException.in(file, "unsupported .npy format version " + major + "." + (b[7] & 0xFF));
    }
    if (b.length < 8 + headerLenBytes) {
      throw BadInputException.in(file, "truncated .npy header");
    }
    long headerLen = 0;
    for (int i = headerLenBytes - 1; i >= 0; i--) {
      headerLen = (headerLen << 8) | (b[8 + i] & 0xFF);
    }
    long dataStart = 8L + headerLenBytes + headerLen;
    if (dataStart > b.length) {
      throw BadInputException.in(file, "header length " + headerLen + " runs past the end of the "
          + b.length + "-byte file");
    }
    String header = new String(b, 8 + headerLenBytes, (int) headerLen,
        major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    String descr = group(DESCR, header, file, "'descr'");
    if (group(FORTRAN, header, file, "'fortran_order'").equals("True")) {
      throw BadInputException.in(file, "Fortran-order arrays are not supported; save np.ascontiguousarray(a)");
    }
    Matcher dm = PLAIN_DESCR.matcher(descr);
    int itemSize = dm.matches() ? Integer.parseInt(dm.group(3)) : 0;
    if (itemSize < 1) {
      throw BadInputException.in(file, "dtype '" + descr + "' is not a plain numeric type (expected e.g. '|u1')");
    }
    ByteOrder order = dm.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    long[] shape = parseShape(group(SHAPE, header, file, "'shape'"), file);
    long bytes = itemSize;
    for (long d : shape) {
      if (d > FileBytes.MAX_ARRAY || bytes * d > FileBytes.MAX_ARRAY) {
        throw BadInputException.in(file, "shape " + shapeText(shape) + " is too large (file has " + b.length
            + " bytes)");
      }
      bytes *= d;
    }
    if (dataStart + bytes != b.length) {
      throw BadInputException.in(file, "shape " + shapeText(shape) + " of '" + descr + "' needs " + bytes
          + " data bytes but the file has " + (b.length - dataStart));
    }
    byte[] data = java.util.Arrays.copyOfRange(b, (int) dataStart, b.length);
    return new NpyArray(file, dm.group(2).charAt(0), itemSize, order, shape, data);
  }

  /** Number of elements, the product of the shape. */
  long count() {
    return data.length / itemSize;
  }

  /** Whether the dtype is a signed or unsigned integer of 1, 2, 4 or 8 bytes. */
  boolean isInteger() {
    return (kind == 'i' || kind == 'u') && Long.bitCount(itemSize) == 1 && itemSize <= 8;
  }

  /**
   * Element {@code i} of an {@link #isInteger} array as a long (unsigned 8-byte values above {@code 2^63} read
   * as negative).
   */
  long get(long i) {
    int off = (int) (i * itemSize);
    long v = 0;
    for (int k = 0; k < itemSize; k++) {
      int pos = order == ByteOrder.BIG_ENDIAN ? off + k : off + itemSize - 1 - k;
      v = (v << 8) | (data[pos] & 0xFF);
    }
    if (kind == 'i' && itemSize < 8) {
      int s = 64 - 8 * itemSize;
      v = (v << s) >> s;
    }
    return v;
  }

  String descr() {
    return (itemSize == 1 ? "|" : order == ByteOrder.BIG_ENDIAN ? ">" : "<") + kind + itemSize;
  }

  static String shapeText(long[] shape) {
    StringBuilder s = new StringBuilder("(");
    for (int i = 0; i < shape.length; i++) {
      s.append(i > 0 ? ", " : "").append(shape[i]);
    }
    return s.append(shape.length == 1 ? ",)" : ")").toString();
  }

  private static String group(Pattern p, String header, Path file, String key) {
    Matcher m = p.matcher(header);
    if (!m.find()) {
      throw BadInputException.in(file, ".npy header has no " + key + " entry");
    }
    return m.group(1);
  }

  private static long[] parseShape(String text, Path file) {
    String[] parts = text.split(",");
    int n = parts.length;
    if (n > 0 && parts[n - 1].isBlank()) {
      n--;
    }
    if (n > 32) {
      throw BadInputException.in(file, ".npy shape has " + n + " dimensions");
    }
    long[] shape = new long[n];
    for (int i = 0; i < n; i++) {
      String d = parts[i].strip();
      if (d.endsWith("L")) {
        d = d.substring(0, d.length() - 1);
      }
      if (!d.matches("[0-9]{1,18}")) {
        throw BadInputException.in(file, ".npy shape (" + text.strip() + ") is not a tuple of sizes");
      }
      shape[i] = Long.parseLong(d);
    }
    return shape;
  }
}
