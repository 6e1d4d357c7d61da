package org.axdse.multipliers.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axdse.multipliers.util.AtomicFiles;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.multipliers.util.IoProblems;

/**
 * A NumPy {@code .npy} array: dtype, C-order shape and little-endian element bytes. Reads format versions 1.0,
 * 2.0 and 3.0 (the header is a Python dict literal with {@code descr}, {@code fortran_order} and {@code shape});
 * writes version 1.0 (2.0 when the header would not fit). Numeric dtypes of either byte order are read; the data
 * is kept little-endian. Allocation is bounded: the caller gives a maximum element count, and the declared size
 * must match the file length before any array is allocated. Immutable.
 */
public final class Npy {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final Pattern DESCR = Pattern.compile("['\"]descr['\"]\\s*:\\s*['\"]([^'\"]*)['\"]");
  private static final Pattern FORTRAN = Pattern.compile("['\"]fortran_order['\"]\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("['\"]shape['\"]\\s*:\\s*\\(([^)]*)\\)");

  /** Element types: the NumPy type code without byte order, its size, and whether it is an integer type. */
  public enum DType {
    BOOL("b1", 1, true), U1("u1", 1, true), I1("i1", 1, true), U2("u2", 2, true), I2("i2", 2, true),
    U4("u4", 4, true), I4("i4", 4, true), U8("u8", 8, true), I8("i8", 8, true), F4("f4", 4, false),
    F8("f8", 8, false);

    private final String code;
    private final int size;
    private final boolean integer;

    DType(String code, int size, boolean integer) {
      this.code = code;
      this.size = size;
      this.integer = integer;
    }

    public int size() {
      return size;
    }

    public boolean isInteger() {
      return integer;
    }

    /** The NumPy descriptor, e.g. {@code <u2} or {@code |u1}. */
    public String descr() {
      return (size == 1 ? "|" : "<") + code;
    }

    static DType ofCode(String code) {
      for (DType t : values()) {
        if (t.code.equals(code)) {
          return t;
        }
      }
      return null;
    }
  }

  private final DType dtype;
  private final long[] shape;
  private final byte[] data;
  private final ByteBuffer view;

  private Npy(DType dtype, long[] shape, byte[] data) {
    this.dtype = dtype;
    this.shape = shape;
    this.data = data;
    this.view = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asReadOnlyBuffer()
        .order(ByteOrder.LITTLE_ENDIAN);
  }

  /** An integer array; each value must fit {@code dtype}. */
  public static Npy ofLongs(DType dtype, long[] shape, long[] values) {
    if (!dtype.isInteger()) {
      throw new IllegalArgumentException(dtype + " is not an integer dtype");
    }
    checkCount(shape, values.length);
    ByteBuffer buf = ByteBuffer.allocate(values.length * dtype.size).order(ByteOrder.LITTLE_ENDIAN);
    for (long v : values) {
      if (!fits(dtype, v)) {
        throw new IllegalArgumentException("value " + v + " does not fit " + dtype.descr());
      }
      switch (dtype.size) {
        case 1 -> buf.put((byte) v);
        case 2 -> buf.putShort((short) v);
        case 4 -> buf.putInt((int) v);
        default -> buf.putLong(v);
      }
    }
    return new Npy(dtype, shape.clone(), buf.array());
  }

  /** A {@code <f4} array. */
  public static Npy ofFloats(long[] shape, float[] values) {
    checkCount(shape, values.length);
    ByteBuffer buf = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : values) {
      buf.putFloat(v);
    }
    return new Npy(DType.F4, shape.clone(), buf.array());
  }

  /** Whether {@code v} is representable in the integer {@code dtype}. */
  public static boolean fits(DType dtype, long v) {
    return switch (dtype) {
      case BOOL -> v == 0 || v == 1;
      case U1 -> v >= 0 && v <= 0xFF;
      case I1 -> v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE;
      case U2 -> v >= 0 && v <= 0xFFFF;
      case I2 -> v >= Short.MIN_VALUE && v <= Short.MAX_VALUE;
      case U4 -> v >= 0 && v <= 0xFFFF_FFFFL;
      case I4 -> v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE;
      case U8 -> v >= 0;
      case I8 -> true;
      default -> false;
    };
  }

  /** Reads {@code file}, refusing arrays of more than {@code maxElements} elements. */
  public static Npy read(Path file, long maxElements) {
    try {
      long size = Files.size(file);
      if (size > Integer.MAX_VALUE - 64) {
        throw BadInputException.in(file, "file of " + size + " bytes is too large for an .npy array");
      }
      return parse(file, Files.readAllBytes(file), maxElements);
    } catch (IOException e) {
      throw IoProblems.badInput(file, e);
    }
  }

  /** Parses the bytes of an {@code .npy} file; {@code source} names it in errors. */
  public static Npy parse(Path source, byte[] bytes, long maxElements) {
    if (bytes.length < 10 || !Arrays.equals(Arrays.copyOf(bytes, 6), MAGIC)) {
      throw BadInputException.in(source, "not an .npy file (missing \\x93NUMPY magic)");
    }
    int major = bytes[6] & 0xFF;
    ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    long headerLen;
    int headerStart;
    if (major == 1) {
      headerLen = in.getShort(8) & 0xFFFF;
      headerStart = 10;
    } else if (major == 2 || major == 3) {
      if (bytes.length < 12) {
        throw BadInputException.in(source, "truncated .npy header");
      }
      headerLen = in.getInt(8) & 0xFFFF_FFFFL;
      headerStart = 12;
    } else {
      throw BadInputException.in(source, "unsupported .npy format version " + major);
    }
    if (headerStart + headerLen > bytes.length) {
      throw BadInputException.in(source, "truncated .npy header (" + headerLen + " bytes declared)");
    }
    String header = new String(bytes, headerStart, (int) headerLen,
        major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    NpyHeaderKeys.check(source, header);
    DType dtype = parseDescr(source, header);
    Matcher fortran = FORTRAN.matcher(header);
    if (fortran.find() && fortran.group(1).equals("True")) {
      throw BadInputException.in(source, "Fortran-order arrays are not supported; save with C order");
    }
    long[] shape = parseShape(source, header);
    long count = 1;
    for (long d : shape) {
      try {
        count = Math.multiplyExact(count, d);
      } catch (ArithmeticException e) {
        count = Long.MAX_VALUE;
      }
      if (count > maxElements) {
        throw BadInputException.in(source, "array of shape " + Arrays.toString(shape)
            + " is too large: it exceeds the limit of " + maxElements + " elements");
      }
    }
    long dataStart = headerStart + headerLen;
    long expected = count * dtype.size;
    if (bytes.length - dataStart != expected) {
      throw BadInputException.in(source, "data has " + (bytes.length - dataStart) + " bytes, shape "
          + Arrays.toString(shape) + " of " + dtype.descr() + " needs " + expected);
    }
    byte[] data = Arrays.copyOfRange(bytes, (int) dataStart, bytes.length);
    if (header.contains("'>") || header.contains("\">")) {
      swapBytes(data, dtype.size);
    }
    return new Npy(dtype, shape, data);
  }

  private static DType parseDescr(Path source, String header) {
    Matcher m = DESCR.matcher(header);
    if (!m.find()) {
      throw BadInputException.in(source, "unsupported .npy dtype (structured or missing 'descr')");
    }
    String descr = m.group(1);
    DType t = descr.length() >= 2 && "<>|=".indexOf(descr.charAt(0)) >= 0 ? DType.ofCode(descr.substring(1)) : null;
    if (t == null || (t.size > 1 && descr.charAt(0) == '|')) {
      throw BadInputException.in(source, "unsupported .npy dtype '" + descr + "'");
    }
    return t;
  }

  private static long[] parseShape(Path source, String header) {
    Matcher m = SHAPE.matcher(header);
    if (!m.find()) {
      throw BadInputException.in(source, ".npy header has no shape");
    }
    String body = m.group(1).strip();
    if (body.isEmpty()) {
      return new long[0];
    }
    String[] parts = body.split(",");
    int n = parts.length;
    if (n > 0 && parts[n - 1].isBlank()) {
      n--;
    }
    if (n == 0) {
      throw BadInputException.in(source, "bad .npy shape (" + body + ")");
    }
    long[] shape = new long[n];
    for (int i = 0; i < n; i++) {
      String p = parts[i].strip().replaceAll("L$", "");
      if (!p.matches("\\d{1,18}")) {
        throw BadInputException.in(source, "bad .npy shape (" + body + ")");
      }
      shape[i] = Long.parseLong(p);
    }
    return shape;
  }

  private static void swapBytes(byte[] data, int size) {
    for (int i = 0; i + size <= data.length; i += size) {
      for (int j = 0; j < size / 2; j++) {
        byte t = data[i + j];
        data[i + j] = data[i + size - 1 - j];
        data[i + size - 1 - j] = t;
      }
    }
  }

  private static void checkCount(long[] shape, int count) {
    long n = 1;
    for (long d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
      }
      n *= d;
    }
    if (n != count) {
      throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + n + " values, got " + count);
    }
  }

  public DType dtype() {
    return dtype;
  }

  public long[] shape() {
    return shape.clone();
  }

  /** Number of elements. */
  public int size() {
    return data.length / dtype.size;
  }

  /** Element {@code i} (C order) as a long; integer dtypes only ({@code u8} above 2^63 wraps). */
  public long getLong(int i) {
    ByteBuffer b = view;
    int at = i * dtype.size;
    return switch (dtype) {
      case BOOL, U1 -> b.get(at) & 0xFFL;
      case I1 -> b.get(at);
      case U2 -> b.getShort(at) & 0xFFFFL;
      case I2 -> b.getShort(at);
      case U4 -> b.getInt(at) & 0xFFFF_FFFFL;
      case I4 -> b.getInt(at);
      case U8, I8 -> b.getLong(at);
      default -> throw new IllegalStateException(dtype.descr() + " is not an integer dtype");
    };
  }

  /** Element {@code i} (C order) as a double, for any dtype. */
  public double getDouble(int i) {
    ByteBuffer b = view;
    return switch (dtype) {
      case F4 -> b.getFloat(i * 4);
      case F8 -> b.getDouble(i * 8);
      default -> getLong(i);
    };
  }

  /** The raw element bytes of a one-byte dtype ({@code |u1}, {@code |i1}, {@code |b1}), copied. */
  public byte[] toByteArray() {
    if (dtype.size != 1) {
      throw new IllegalStateException(dtype.descr() + " is not a one-byte dtype");
    }
    return data.clone();
  }

  /** The shape as NumPy prints it, e.g. {@code (60000, 28, 28)} or {@code (5,)}. */
  public String shapeText() {
    StringBuilder b = new StringBuilder("(");
    for (int i = 0; i < shape.length; i++) {
      b.append(i == 0 ? "" : ", ").append(shape[i]);
    }
    return b.append(shape.length == 1 ? ",)" : ")").toString();
  }

  public long[] toLongArray() {
    long[] out = new long[size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = getLong(i);
    }
    return out;
  }

  /** The elements as ints; {@code null} when a value does not fit an int. */
  public int[] toIntArrayOrNull() {
    int[] out = new int[size()];
    for (int i = 0; i < out.length; i++) {
      long v = getLong(i);
      if (v != (int) v) {
        return null;
      }
      out[i] = (int) v;
    }
    return out;
  }

  public float[] toFloatArray() {
    float[] out = new float[size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) getDouble(i);
    }
    return out;
  }

  /** The whole file: version 1.0 header padded to a multiple of 64 bytes, then the data. */
  public byte[] toBytes() {
    StringBuilder dims = new StringBuilder();
    for (long d : shape) {
      dims.append(d).append(shape.length == 1 ? "," : ", ");
    }
    String dict = "{'descr': '" + dtype.descr() + "', 'fortran_order': False, 'shape': ("
        + dims.toString().replaceAll(", $", "") + "), }";
    int prefix = dict.length() + 1 + 10 > 0xFFFF ? 12 : 10;
    int pad = (64 - (prefix + dict.length() + 1) % 64) % 64;
    byte[] header = (dict + " ".repeat(pad) + "\n").getBytes(StandardCharsets.ISO_8859_1);
    ByteBuffer out = ByteBuffer.allocate(prefix + header.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
    out.put(MAGIC).put((byte) (prefix == 10 ? 1 : 2)).put((byte) 0);
    if (prefix == 10) {
      out.putShort((short) header.length);
    } else {
      out.putInt(header.length);
    }
    return out.put(header).put(data).array();
  }

  /** Writes the array to {@code file} atomically. */
  public void write(Path file) {
    AtomicFiles.write(file, toBytes());
  }
}
