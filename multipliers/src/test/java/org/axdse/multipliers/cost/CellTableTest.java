package org.axdse.multipliers.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.axdse.multipliers.netlist.CellType;
import org.axdse.multipliers.util.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CellTableTest {
  private static final CellTable DEFAULT = CellTable.nangate45();

  @Test
  void defaultTableIsNand2NormalisedNangate() {
    assertEquals("nangate45-relative", DEFAULT.name());
    assertEquals(1.0, DEFAULT.figures(CellType.NAND).area());
    // FA_X1 is 16 sites wide, NAND2_X1 3 sites: 16/3 = 5.333
    assertEquals(16.0 / 3, DEFAULT.figures(CellType.FA).area(), 1e-3);
    assertEquals(0.0, DEFAULT.figures(CellType.CONST0).area());
    assertEquals(2.0, DEFAULT.figures(CellType.FA).carryDelay());
    assertEquals(4.0, DEFAULT.figures(CellType.FA).delay());
    for (CellType t : CellType.values()) {
      assertTrue(DEFAULT.cells().containsKey(t), t.name());
    }
  }

  @Test
  void jsonRoundTrip(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("cells.json");
    Files.writeString(file, DEFAULT.toJson());
    assertEquals(DEFAULT, CellTable.load(file));
  }

  @Test
  void missingCellTypeIsOneLineError() {
    String json = DEFAULT.toJson().replaceFirst("\"MUX2\"", "\"MUX3\"");
    BadInputException e = assertThrows(BadInputException.class, () -> CellTable.parse(json, "my.json"));
    assertEquals("my.json: unknown cell type 'MUX3' in 'cells' (known: " + java.util.Arrays.toString(
        CellType.values()) + ")", e.getMessage());
  }

  @Test
  void absentCellTypeIsReported() {
    String json = "{\"name\": \"x\", \"leakagePerArea\": 0, \"cells\": {\"AND\": {\"area\": 1, \"delay\": 1, "
        + "\"switching\": 1}}}";
    BadInputException e = assertThrows(BadInputException.class, () -> CellTable.parse(json, "t.json"));
    assertTrue(e.getMessage().startsWith("t.json: 'cells' has no entry for cell type "), e.getMessage());
  }

  @Test
  void badFieldsAreReportedWithTheirPath() {
    String negative = DEFAULT.toJson().replaceFirst("\"leakagePerArea\" : 0.02", "\"leakagePerArea\" : -1");
    assertEquals("c.json: 'leakagePerArea' must be finite and >= 0, got -1.0",
        assertThrows(BadInputException.class, () -> CellTable.parse(negative, "c.json")).getMessage());
    String unknown = DEFAULT.toJson().replaceFirst("\"area\"", "\"areaa\"");
    assertTrue(assertThrows(BadInputException.class, () -> CellTable.parse(unknown, "c.json")).getMessage()
        .startsWith("c.json: unknown field 'cells.CONST0.areaa'"));
    String text = DEFAULT.toJson().replaceFirst("\"delay\" : 0.0", "\"delay\" : \"fast\"");
    assertEquals("c.json: 'cells.CONST0.delay' must be a number",
        assertThrows(BadInputException.class, () -> CellTable.parse(text, "c.json")).getMessage());
  }

  @Test
  void malformedJsonNamesTheLine() {
    String json = "{\n  \"name\": \"x\",\n  \"cells\": {\n  oops\n}";
    String msg = assertThrows(BadInputException.class, () -> CellTable.parse(json, "bad.json")).getMessage();
    assertTrue(msg.startsWith("bad.json:4: malformed JSON"), msg);
    assertFalse(msg.contains("\n"));
  }

  @Test
  void unreadableFileIsBadInput(@TempDir Path dir) {
    Path missing = dir.resolve("none.json");
    assertTrue(assertThrows(BadInputException.class, () -> CellTable.load(missing)).getMessage()
        .startsWith(missing + ": no such file"));
  }

  @Test
  void figuresRejectNegativeOrNonFiniteValues() {
    assertThrows(IllegalArgumentException.class, () -> CellFigures.of(-1, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> CellFigures.of(1, Double.NaN, 1));
    assertThrows(IllegalArgumentException.class, () -> new CellFigures(1, 1, Double.POSITIVE_INFINITY, 1));
  }
}
