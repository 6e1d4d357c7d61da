package org.axdse.simulator.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.axdse.multipliers.util.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchitectureEnergyTest {
  @TempDir Path dir;

  private Path write(String json) throws Exception {
    return Files.writeString(dir.resolve("arch.json"), json);
  }

  @Test
  void defaultsRoundTripThroughJson() throws Exception {
    ArchitectureEnergy d = ArchitectureEnergy.defaults();
    assertEquals(d, ArchitectureEnergy.load(write(d.toJson())));
    assertEquals(0.2, d.multiply8Pj());
    assertEquals(1300, d.dramPj());
  }

  @Test
  void missingFieldsKeepTheirDefaults() throws Exception {
    ArchitectureEnergy a = ArchitectureEnergy.load(write("{\"name\": \"big-dram\", \"dramPj\": 2600}"));
    assertEquals("big-dram", a.name());
    assertEquals(2600, a.dramPj());
    assertEquals(ArchitectureEnergy.defaults().sramPj(), a.sramPj());
  }

  @Test
  void badFilesGetOneLineErrorsNamingTheFile() throws Exception {
    assertError(write("{\n  \"dramPj\": 1300,\n  \"sramPJ\": 5\n}"), ":3: unknown field 'sramPJ' (known: ");
    assertError(write("{\n  \"dramPj\": -1\n}"), "dramPj must be a non-negative number, got -1.0");
    assertError(write("{\"weightReuse\": 0.5}"), "weightReuse must be at least 1");
    assertError(write("{\"dramPj\": \"lots\"}"), "arch.json:1: invalid architecture JSON");
    assertError(write("{\"dramPj\": 1"), "truncated or empty JSON");
    assertError(write("[1, 2]"), "invalid architecture JSON");
    assertError(write("null"), "expected a JSON object");
    assertError(dir.resolve("missing.json"), "missing.json: no such file");
  }

  private static void assertError(Path file, String part) {
    BadInputException e = assertThrows(BadInputException.class, () -> ArchitectureEnergy.load(file));
    assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains(part), e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
  }
}
