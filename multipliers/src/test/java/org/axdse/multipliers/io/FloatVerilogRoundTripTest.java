package org.axdse.multipliers.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.axdse.multipliers.Multiplier;
import org.axdse.multipliers.format.Minifloat;
import org.axdse.multipliers.generators.FloatDesign;
import org.axdse.multipliers.generators.MantissaMultiplier;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.util.BadInputException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class FloatVerilogRoundTripTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"e4m3, exact, true", "e4m3, exact, false", "e5m2, mitchell, true", "e3m4, trunc3, false"})
  void exportThenImportKeepsTheFormatAndTheTable(String format, String mantissa, boolean rounded) {
    Minifloat f = Minifloat.parse(format);
    MantissaMultiplier mm = switch (mantissa) {
      case "exact" -> MantissaMultiplier.exact();
      case "mitchell" -> MantissaMultiplier.mitchell();
      default -> MantissaMultiplier.truncated(Integer.parseInt(mantissa.substring(5)));
    };
    Multiplier m = new FloatDesign(f, mm, rounded).build();
    Path file = dir.resolve(m.name() + ".v");
    MultiplierFiles.write(m, file);
    Multiplier back = MultiplierFiles.read(file);
    assertEquals(MultiplierFormat.of(f), back.format());
    assertEquals(m.table(), back.table());
    assertEquals(m.netlist().cells().size(), back.netlist().cells().size());
  }

  @Test
  void aDeclaredFormatThatDoesNotFitThePortsIsOneLineBadInput() throws Exception {
    Multiplier m = new FloatDesign(Minifloat.e4m3(), MantissaMultiplier.exact(), true).build();
    Path file = dir.resolve("m.v");
    MultiplierFiles.write(m, file);
    Files.writeString(file, Files.readString(file).replace("number format: e4m3", "number format: e5m2_b3"));
    // same 8-bit inputs and output, so e5m2_b3 fits the ports: imported as that format
    assertEquals(MultiplierFormat.of(Minifloat.parse("e5m2_b3")), MultiplierFiles.read(file).format());
    Files.writeString(file, Files.readString(file).replace("number format: e5m2_b3", "number format: e2m1"));
    BadInputException e = assertThrows(BadInputException.class, () -> MultiplierFiles.read(file));
    assertTrue(e.getMessage().startsWith(file.toString()) && e.getMessage().contains("e2m1"), e.getMessage());
  }
}
