package org.axdse.multipliers.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.axdse.multipliers.Multiplier;
import org.axdse.multipliers.netlist.Netlist;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.ProductTable;
import org.axdse.multipliers.table.Signedness;
import org.axdse.multipliers.util.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VerilogRoundTripTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"8, UNSIGNED", "4, UNSIGNED", "8, SIGNED", "4, SIGNED", "2, SIGNED"})
  void exportThenImportGivesTheSameNetlistAndTable(int weightBits, Signedness s) {
    MultiplierFormat f = MultiplierFormat.of(weightBits, s);
    Netlist original = TestCircuits.exactMultiplier(f, "rt");
    Multiplier m = Multiplier.ofNetlist("rt", "round trip", original);
    // The builder's multiplier is exact by construction (column compression, Baugh-Wooley when signed).
    assertEquals(ProductTable.exact(f), m.table());
    Path file = dir.resolve("rt.v");
    MultiplierFiles.write(m, file);

    Multiplier back = MultiplierFiles.read(file);
    assertEquals(m.table(), back.table());
    assertEquals(f, back.format(), "signedness survives through 'input signed'");
    assertArrayEquals(TestCircuits.cellCounts(original), TestCircuits.cellCounts(back.netlist()));
    // Cells come back in source order, so even the net numbering is the same.
    assertEquals(original, back.netlist());
  }

  @Test
  void everyCellTypeSurvivesTheRoundTrip() {
    Netlist original = TestCircuits.everyCell("cells");
    Multiplier m = Multiplier.ofNetlist("cells", "", original);
    Path file = dir.resolve("cells.v");
    MultiplierFiles.write(m, file);
    Multiplier back = MultiplierFiles.read(file);
    assertEquals(m.table(), back.table());
    assertEquals(original, back.netlist());
    for (int count : TestCircuits.cellCounts(back.netlist())) {
      assertEquals(1, count, "the netlist has one cell of each type");
    }
  }

  @Test
  void namesThatAreNotVerilogIdentifiersAreEscaped() throws Exception {
    Multiplier m = Multiplier.ofNetlist("u8x4+trunc.2", "", TestCircuits.exactMultiplier(
        MultiplierFormat.of(4, Signedness.UNSIGNED), "u8x4+trunc.2"));
    Path file = dir.resolve("u8x4+trunc.2.v");
    MultiplierFiles.write(m, file);
    assertTrue(Files.readString(file).contains("module \\u8x4+trunc.2  (A, B, O);"));
    Multiplier back = MultiplierFiles.read(file);
    assertEquals("u8x4+trunc.2", back.name());
    assertEquals(m.table(), back.table());
  }

  @Test
  void tableOnlyMultiplierCannotBeWrittenAsVerilog() {
    Multiplier m = Multiplier.ofTable("t", "", ProductTable.exact(MultiplierFormat.unsigned8x8()));
    Path file = dir.resolve("t.v");
    BadInputException e = assertThrows(BadInputException.class, () -> MultiplierFiles.write(m, file));
    assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
    assertTrue(!Files.exists(file), "no partial output");
  }
}
