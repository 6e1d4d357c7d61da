package org.axdse.multipliers.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.axdse.multipliers.Multiplier;
import org.axdse.multipliers.PublishedFigures;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.ProductTable;
import org.axdse.multipliers.table.Signedness;
import org.axdse.multipliers.util.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SidecarTest {
  @TempDir Path dir;

  @Test
  void sidecarGivesNameDescriptionFormatAndFigures() throws Exception {
    MultiplierFormat f = MultiplierFormat.of(4, Signedness.SIGNED);
    Path file = dir.resolve("table.bin");
    MultiplierFiles.write(Multiplier.ofTable("x", "", ProductTable.exact(f)), file);
    Files.writeString(dir.resolve("table.bin.meta.json"), """
        {
          "name": "s8x4_exact",
          "description": "exact signed 8x4",
          "format": "s8x4",
          "published": {"power": 0.12, "powerUnit": "mW", "area": 300.5, "areaUnit": "um2",
                        "technology": "45nm PDK"}
        }
        """);
    Multiplier m = MultiplierFiles.read(file);
    assertEquals("s8x4_exact", m.name());
    assertEquals("exact signed 8x4", m.description());
    assertEquals(ProductTable.exact(f), m.table());
    PublishedFigures p = m.publishedFigures().orElseThrow();
    assertEquals(0.12, p.power());
    assertEquals(300.5, p.area());
    assertTrue(Double.isNaN(p.delay()), "absent figures are NaN");
    assertEquals("45nm PDK", p.technology());
  }

  @Test
  void writtenSidecarReadsBackTheSameMultiplier() {
    Multiplier m = Multiplier.ofNetlist("u8x4_exact", "exact",
        TestCircuits.exactMultiplier(MultiplierFormat.of(4, Signedness.UNSIGNED), "u8x4_exact"))
        .withPublished(new PublishedFigures(1.5, "mW", Double.NaN, "", 2.0, "ns", "model"));
    Path file = dir.resolve("other_file_name.v");
    MultiplierFiles.writeWithSidecar(m, FileFormat.VERILOG, file);
    Multiplier back = MultiplierFiles.read(file);
    assertEquals(m.name(), back.name());
    assertEquals(m.description(), back.description());
    assertEquals(m.table(), back.table());
    assertEquals(m.netlist(), back.netlist());
    assertEquals(m.published().toString(), back.published().toString());
  }

  @Test
  void signednessFieldAloneMakesAVerilogNetlistSigned() throws Exception {
    Path file = dir.resolve("m.v");
    Files.writeString(file, "module m(A, B, O); input [7:0] A; input [1:0] B; output [9:0] O;\n"
        + "assign O = {2'b0, A}; endmodule\n");
    Files.writeString(Sidecar.pathOf(file), "{\"signedness\": \"signed\"}");
    Multiplier m = MultiplierFiles.read(file);
    assertEquals(MultiplierFormat.of(2, Signedness.SIGNED), m.format());
    // A 10-bit product holding the 8-bit code of a: a = -1 reads as 255.
    assertEquals(255, m.table().product(-1, 0));
  }

  @Test
  void badSidecarsAreOneLineErrorsNamingTheSidecar() throws Exception {
    Path file = dir.resolve("t.bin");
    MultiplierFiles.write(Multiplier.ofTable("t", "", ProductTable.exact(MultiplierFormat.unsigned8x8())), file);
    Path side = Sidecar.pathOf(file);
    String[][] cases = {
      {"{\"nmae\": \"typo\"}", "Unrecognized field \"nmae\""},
      {"{\"format\": \"u8x9\"}", "bad multiplier format 'u8x9'"},
      {"{\"format\": \"u8x8\", \"signedness\": \"signed\"}", "contradicts"},
      {"{\"name\": \"has space\"}", "may use only"},
      {"{\n\"name\": \"x\",\n oops }", ".meta.json:3: "},
      {"{\"format\": \"u8x4\"}", "oversized .bin table"},
    };
    for (String[] c : cases) {
      Files.writeString(side, c[0]);
      BadInputException e = assertThrows(BadInputException.class, () -> MultiplierFiles.read(file));
      assertTrue(e.getMessage().contains(c[1]), c[0] + " -> " + e.getMessage());
      assertTrue(e.getMessage().startsWith(dir.toString()), e.getMessage());
      assertEquals(1, e.getMessage().lines().count());
    }
  }
}
