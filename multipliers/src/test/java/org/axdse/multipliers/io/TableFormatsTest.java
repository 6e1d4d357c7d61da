package org.axdse.multipliers.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.axdse.multipliers.Multiplier;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.ProductTable;
import org.axdse.multipliers.table.Signedness;
import org.axdse.multipliers.util.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TableFormatsTest {
  @TempDir Path dir;

  /** A deterministic approximate table: the exact product with its two low bits cleared. */
  static ProductTable truncated(MultiplierFormat f) {
    int[] p = ProductTable.exact(f).toArray();
    for (int i = 0; i < p.length; i++) {
      p[i] &= ~3;
    }
    return ProductTable.of(f, p);
  }

  @ParameterizedTest
  @CsvSource({"bin, 8, UNSIGNED", "bin, 8, SIGNED", "bin, 4, UNSIGNED", "bin, 4, SIGNED", "csv, 8, UNSIGNED",
      "csv, 8, SIGNED", "csv, 4, UNSIGNED", "csv, 2, SIGNED", "npy, 8, UNSIGNED", "npy, 8, SIGNED",
      "npy, 4, UNSIGNED", "npy, 3, SIGNED"})
  void tableRoundTripIsExact(String ext, int weightBits, Signedness s) {
    MultiplierFormat f = MultiplierFormat.of(weightBits, s);
    Multiplier m = Multiplier.ofTable("t", "", truncated(f));
    Path file = dir.resolve("t." + ext);
    MultiplierFiles.writeWithSidecar(m, FileFormat.ofName(ext), file);
    Multiplier back = MultiplierFiles.read(file);
    assertEquals(m.table(), back.table());
    assertEquals(f, back.format());
  }

  @Test
  void binIsTheTfApproxLayout() throws Exception {
    MultiplierFormat f = MultiplierFormat.unsigned8x8();
    Path file = dir.resolve("exact.bin");
    MultiplierFiles.write(Multiplier.ofTable("exact", "", ProductTable.exact(f)), file);
    byte[] bytes = Files.readAllBytes(file);
    assertEquals(65536 * 2, bytes.length);
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    // Entry (a << 8) | w holds a*w: 200*201 = 40200 at index 200*256 + 201.
    assertEquals(40200, b.getShort(2 * (200 * 256 + 201)) & 0xFFFF);
    // Without a sidecar a .bin file is read as TFApprox's u8x8.
    Multiplier back = MultiplierFiles.read(file);
    assertEquals(ProductTable.exact(f), back.table());
    assertEquals("exact", back.name());
  }

  @Test
  void signedBinIsInt16ByBitPattern() throws Exception {
    MultiplierFormat f = MultiplierFormat.signed8x8();
    Path file = dir.resolve("s.bin");
    MultiplierFiles.write(Multiplier.ofTable("s", "", ProductTable.exact(f)), file);
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    // -128 * 127 = -16256 at index (0x80 << 8) | 0x7F.
    assertEquals(-16256, b.getShort(2 * ((0x80 << 8) | 0x7F)));
    assertEquals(ProductTable.exact(f), MultiplierFiles.read(file, f).table());
  }

  @Test
  void binRejectsProductsThatDoNotFit() {
    int[] p = new int[65536];
    p[5] = 70000;
    Multiplier m = Multiplier.ofTable("big", "", ProductTable.of(MultiplierFormat.unsigned8x8(), p));
    Path file = dir.resolve("big.bin");
    BadInputException e = assertThrows(BadInputException.class, () -> MultiplierFiles.write(m, file));
    assertTrue(e.getMessage().contains("70000"), e.getMessage());
    Path npy = dir.resolve("big.npy");
    MultiplierFiles.write(m, npy);
    assertEquals(m.table(), MultiplierFiles.read(npy).table(), ".npy widens to <i4 when needed");
  }

  @Test
  void truncatedAndOversizedBinAreErrors() throws Exception {
    for (int size : new int[] {131071, 131074, 0, 65536}) {
      Path file = dir.resolve("bad" + size + ".bin");
      Files.write(file, new byte[size]);
      BadInputException e = assertThrows(BadInputException.class, () -> MultiplierFiles.read(file));
      assertTrue(e.getMessage().startsWith(file + ": " + (size < 131072 ? "truncated" : "oversized")),
          e.getMessage());
    }
  }

  @Test
  void csvTriplesInAnyOrderAndSignednessFromNegativeOperands() throws Exception {
    MultiplierFormat f = MultiplierFormat.of(4, Signedness.SIGNED);
    ProductTable t = truncated(f);
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < t.size(); i++) {
      rows.add(f.activationAt(i) + "," + f.weightAt(i) + "," + t.atIndex(i));
    }
    Collections.shuffle(rows, new Random(1));
    rows.add(0, "# shuffled rows, no sidecar");
    rows.add(1, "act,wgt,prod");
    Path file = dir.resolve("shuffled.csv");
    Files.write(file, rows);
    Multiplier back = MultiplierFiles.read(file);
    assertEquals(f, back.format(), "4096 rows give 8x4; negative operands give signed");
    assertEquals(t, back.table());
  }

  @Test
  void csvMatrixLayoutIsIndexedByCodes() throws Exception {
    MultiplierFormat f = MultiplierFormat.of(4, Signedness.UNSIGNED);
    StringBuilder sb = new StringBuilder();
    for (int a = 0; a < 256; a++) {
      for (int w = 0; w < 16; w++) {
        sb.append(w == 0 ? "" : ", ").append(a * w + 1);
      }
      sb.append('\n');
    }
    Path file = dir.resolve("matrix.csv");
    Files.writeString(file, sb);
    Multiplier back = MultiplierFiles.read(file);
    assertEquals(f, back.format());
    assertEquals(17 * 3 + 1, back.table().product(17, 3));
  }

  @Test
  void csvErrorsNameFileAndLine() throws Exception {
    Path file = dir.resolve("bad.csv");
    Files.writeString(file, "a,w,product\n0,0,0\n0,1,x\n");
    BadInputException e = assertThrows(BadInputException.class, () -> MultiplierFiles.read(file));
    assertTrue(e.getMessage().startsWith(file + ":3: "), e.getMessage());
    Files.writeString(file, "a,w,product\n0,0,0\n0,0,1\n");
    e = assertThrows(BadInputException.class, () -> MultiplierFiles.read(file));
    assertTrue(e.getMessage().contains("256 * 2^N rows"), e.getMessage());
  }

  @Test
  void npyFlatU2TableIsRead() {
    MultiplierFormat f = MultiplierFormat.unsigned8x8();
    long[] values = new long[65536];
    for (int i = 0; i < values.length; i++) {
      values[i] = (long) (i >>> 8) * (i & 255);
    }
    Path file = dir.resolve("flat.npy");
    Npy.ofLongs(Npy.DType.U2, new long[] {65536}, values).write(file);
    assertEquals(ProductTable.exact(f), MultiplierFiles.read(file).table());
  }

  @Test
  void npyWithWrongShapeOrDtypeIsAnError() {
    Path file = dir.resolve("wrong.npy");
    Npy.ofLongs(Npy.DType.I4, new long[] {255, 256}, new long[255 * 256]).write(file);
    BadInputException e = assertThrows(BadInputException.class, () -> MultiplierFiles.read(file));
    assertTrue(e.getMessage().contains("shape"), e.getMessage());
    Npy.ofFloats(new long[] {65536}, new float[65536]).write(file);
    e = assertThrows(BadInputException.class, () -> MultiplierFiles.read(file));
    assertTrue(e.getMessage().contains("<f4"), e.getMessage());
  }

  @Test
  void unknownExtensionIsAClearError() {
    Path file = dir.resolve("table.txt");
    BadInputException e = assertThrows(BadInputException.class, () -> MultiplierFiles.read(file));
    assertEquals(file + ": unknown extension '.txt'; expected one of .bin, .csv, .npy, .v", e.getMessage());
  }

  @Test
  void csvWriterUsesTriplesWithHeader() throws Exception {
    Path file = dir.resolve("w.csv");
    MultiplierFiles.write(Multiplier.ofTable("w", "", ProductTable.exact(MultiplierFormat.of(2,
        Signedness.SIGNED))), file);
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertEquals("a,w,product", lines.get(0));
    // Index 0 is a = 0, w = 0; index 2 is w code 0b10 = -2.
    assertArrayEquals(new String[] {"0,0,0", "0,1,0", "0,-2,0"}, lines.subList(1, 4).toArray());
    assertEquals(1 + 1024, lines.size());
  }
}
