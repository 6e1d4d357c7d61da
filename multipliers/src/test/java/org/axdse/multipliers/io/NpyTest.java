package org.axdse.multipliers.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.axdse.multipliers.util.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NpyTest {
  private static final Path SRC = Path.of("x.npy");

  /** An .npy file built by hand: magic, version, header length of 2 or 4 bytes, header, data. */
  static byte[] npyFile(int major, String header, byte[] data) {
    byte[] h = header.getBytes(major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    int lenBytes = major == 1 ? 2 : 4;
    ByteBuffer b = ByteBuffer.allocate(8 + lenBytes + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
    if (lenBytes == 2) {
      b.putShort((short) h.length);
    } else {
      b.putInt(h.length);
    }
    return b.put(h).put(data).array();
  }

  @ParameterizedTest
  @EnumSource(value = Npy.DType.class, names = {"U1", "I1", "U2", "I2", "U4", "I4", "I8"})
  void integerRoundTrip(Npy.DType t) {
    long[] values = {0, 1, 7, t == Npy.DType.U1 || t == Npy.DType.U2 || t == Npy.DType.U4 ? 100 : -100, 42, 3};
    Npy a = Npy.ofLongs(t, new long[] {2, 3}, values);
    Npy back = Npy.parse(SRC, a.toBytes(), 100);
    assertEquals(t, back.dtype());
    assertArrayEquals(new long[] {2, 3}, back.shape());
    assertArrayEquals(values, back.toLongArray());
    assertEquals(0, (a.toBytes().length - values.length * t.size()) % 64, "header padded to 64 bytes");
  }

  @Test
  void floatRoundTrip() {
    float[] v = {0.5f, -1.25f, 3e7f};
    Npy back = Npy.parse(SRC, Npy.ofFloats(new long[] {3}, v).toBytes(), 10);
    assertArrayEquals(v, back.toFloatArray());
  }

  @Test
  void readsVersions2And3AndBigEndian() {
    byte[] le = {1, 0, 2, 0};
    String dict = "{'descr': '<u2', 'fortran_order': False, 'shape': (2,), }\n";
    assertArrayEquals(new long[] {1, 2}, Npy.parse(SRC, npyFile(2, dict, le), 10).toLongArray());
    assertArrayEquals(new long[] {1, 2}, Npy.parse(SRC, npyFile(3, dict, le), 10).toLongArray());
    byte[] be = {0, 1, 0, 2};
    String bigEndian = "{'descr': '>i2', 'fortran_order': False, 'shape': (2,), }\n";
    assertArrayEquals(new long[] {1, 2}, Npy.parse(SRC, npyFile(1, bigEndian, be), 10).toLongArray());
  }

  @Test
  void scalarShapeHasOneElement() {
    String dict = "{'descr': '<i4', 'fortran_order': False, 'shape': (), }\n";
    Npy a = Npy.parse(SRC, npyFile(1, dict, new byte[] {5, 0, 0, 0}), 1);
    assertEquals(0, a.shape().length);
    assertArrayEquals(new long[] {5}, a.toLongArray());
  }

  @Test
  void badFilesAreErrorsNamingTheSource() {
    String dict = "{'descr': '<u2', 'fortran_order': False, 'shape': (3,), }\n";
    byte[][] bad = {
      "not numpy".getBytes(StandardCharsets.US_ASCII),
      npyFile(1, dict, new byte[5]),
      npyFile(1, dict, new byte[7]),
      npyFile(4, dict, new byte[6]),
      npyFile(1, dict.replace("False", "True"), new byte[6]),
      npyFile(1, dict.replace("<u2", "<c8"), new byte[6]),
      npyFile(1, dict.replace("(3,)", "(3, x)"), new byte[6]),
      Arrays.copyOf(npyFile(1, dict, new byte[6]), 20),
    };
    for (byte[] b : bad) {
      BadInputException e = assertThrows(BadInputException.class, () -> Npy.parse(SRC, b, 100));
      assertTrue(e.getMessage().startsWith("x.npy: "), e.getMessage());
    }
  }

  @Test
  void allocationIsBoundedBeforeReadingData() {
    String huge = "{'descr': '<i8', 'fortran_order': False, 'shape': (100000, 100000, 100000), }\n";
    BadInputException e = assertThrows(BadInputException.class, () -> Npy.parse(SRC, npyFile(1, huge,
        new byte[0]), 1 << 20));
    assertTrue(e.getMessage().contains("exceeds the limit"), e.getMessage());
  }

  @Test
  void valuesOutsideTheDtypeAreRejectedOnWrite() {
    assertThrows(IllegalArgumentException.class, () -> Npy.ofLongs(Npy.DType.U2, new long[] {1},
        new long[] {70000}));
    assertThrows(IllegalArgumentException.class, () -> Npy.ofLongs(Npy.DType.I4, new long[] {2},
        new long[] {1}));
  }

  @Test
  void writerOutputParsesAsVersion1() {
    byte[] b = Npy.ofLongs(Npy.DType.U1, new long[] {4}, new long[] {1, 2, 3, 4}).toBytes();
    assertEquals(1, b[6]);
    ByteArrayOutputStream header = new ByteArrayOutputStream();
    header.write(b, 10, (b[8] & 0xFF) | (b[9] & 0xFF) << 8);
    String h = header.toString(StandardCharsets.ISO_8859_1);
    assertTrue(h.startsWith("{'descr': '|u1', 'fortran_order': False, 'shape': (4,), }"), h);
    assertTrue(h.endsWith("\n"));
  }
}
