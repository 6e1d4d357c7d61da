package org.axdse.multipliers.cli;

import static org.axdse.multipliers.cli.MultipliersCommandTest.csv;
import static org.axdse.multipliers.cli.MultipliersCommandTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.axdse.multipliers.util.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The multipliers commands on float multipliers. */
class FloatCommandsTest {
  @TempDir Path dir;

  @Test
  void listBitsTakesAFloatFormatAndCostsAreRelativeToItsExactWord() throws Exception {
    List<CSVRecord> rows = csv(run("list", "--bits", "E4M3", "--format", "csv"));
    assertTrue(rows.size() >= 5, "E4M3 designs: " + rows.size());
    for (CSVRecord r : rows) {
      assertEquals("e4m3", r.get("format"), r.get("name"));
    }
    CSVRecord exact = rows.stream().filter(r -> r.get("name").equals("e4m3_exact")).findFirst().orElseThrow();
    assertEquals(1.0, Double.parseDouble(exact.get("rel_power")));
    assertEquals(0.0, Double.parseDouble(exact.get("mre_pct")));
    List<CSVRecord> unsigned = csv(run("list", "--unsigned", "--format", "csv"));
    assertFalse(unsigned.stream().anyMatch(r -> r.get("format").equals("e4m3")), "--unsigned is integers only");
  }

  @Test
  void floatMultipliersExportAsVerilogOnly() throws Exception {
    Path v = dir.resolve("m.v");
    run("export", "e5m2_exact_rne", "--out", v.toString());
    assertTrue(Files.readString(v).contains("// number format: e5m2"));
    Path bin = dir.resolve("m.bin");
    BadInputException e = assertThrows(BadInputException.class,
        () -> run("export", "e5m2_exact_rne", "--out", bin.toString()));
    assertTrue(e.getMessage().contains("verilog or json"), e.getMessage());
    assertFalse(Files.exists(bin), "a failed command writes nothing");
  }

  @Test
  void importedFloatVerilogJoinsALibraryDirectory() throws Exception {
    Path src = dir.resolve("src");
    Path lib = dir.resolve("lib");
    Files.createDirectories(src);
    Path v = src.resolve("my_lmul.v");
    run("export", "e4m3_lmul", "--out", v.toString());
    run("import", v.toString(), "--into", lib.toString());
    List<CSVRecord> rows = csv(run("list", "--library", lib.toString(), "--bits", "e4m3", "--format", "csv"));
    CSVRecord mine = rows.stream().filter(r -> r.get("name").equals("my_lmul")).findFirst().orElseThrow();
    CSVRecord builtin = rows.stream().filter(r -> r.get("name").equals("e4m3_lmul")).findFirst().orElseThrow();
    assertEquals(builtin.get("mre_pct"), mine.get("mre_pct"));
    assertEquals(builtin.get("rel_area"), mine.get("rel_area"));
    // a sidecar naming an integer format contradicts the file's float format
    Files.writeString(lib.resolve("my_lmul.v.meta.json"), "{\"format\": \"u8x8\"}");
    BadInputException e = assertThrows(BadInputException.class,
        () -> run("list", "--library", lib.toString(), "--bits", "e4m3"));
    assertTrue(e.getMessage().contains("my_lmul.v") && e.getMessage().contains("e4m3"), e.getMessage());
  }

  @Test
  void badFloatFormatIsOneLine() {
    BadInputException e = assertThrows(BadInputException.class, () -> run("list", "--bits", "E9M0"));
    assertTrue(e.getMessage().startsWith("--bits: ") && e.getMessage().contains("'E9M0'"), e.getMessage());
  }
}
