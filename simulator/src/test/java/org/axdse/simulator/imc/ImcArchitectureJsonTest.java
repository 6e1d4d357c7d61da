package org.axdse.simulator.imc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.simulator.model.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The architecture reader: the shipped default, and one-line errors for bad files. */
class ImcArchitectureJsonTest {
  @TempDir
  Path dir;

  @Test
  void defaultIsIsaacLikeAndEqualsTheDataCopy() {
    ImcArchitecture a = ImcArchitectureJson.defaults();
    assertEquals(128, a.rows());
    assertEquals(2, a.cellBits());
    // 128 rows x (2^1 - 1) x (2^2 - 1) = 384 needs 9 bits
    assertEquals(384, a.maxColumnSum());
    assertEquals(9, a.fullAdcBits());
    assertEquals(a, ImcArchitectureJson.read(TestData.repoFile("data/isaac.imc.json")));
  }

  private String problem(String json) throws IOException {
    Path f = dir.resolve("arch.json");
    Files.writeString(f, json);
    BadInputException e = assertThrows(BadInputException.class, () -> ImcArchitectureJson.read(f));
    assertTrue(e.getMessage().contains("arch.json"), e.getMessage());
    assertEquals(1, e.getMessage().lines().count());
    return e.getMessage();
  }

  private static String base() throws IOException {
    return Files.readString(TestData.repoFile("data/isaac.imc.json"));
  }

  @Test
  void badFilesAreOneLineErrors() throws IOException {
    assertTrue(problem(base().replace("\"dacBits\": 1,", "")).contains("missing field 'dacBits'"));
    assertTrue(problem(base().replace("\"rows\": 128", "\"rows\": 4096")).contains("rows 4096 is larger than"
        + " supported"));
    assertTrue(problem(base().replace("\"rows\": 128", "\"rows\": 100")).contains("multiple of 64"));
    assertTrue(problem(base().replace("\"adcMode\": \"saturate\"", "\"adcMode\": \"clip\"")).contains("clip"));
    assertTrue(problem(base().replace("\"cellBits\": 2", "\"cellBits\": 2, \"colour\": 1")).contains("colour"));
    assertTrue(problem(base().replace("\"adcPj\": 1.5625", "\"adcPj\": -1")).contains("adcPj"));
  }

  @Test
  void knobsOutsideTheArchitectureNameTheLayer() {
    ImcArchitecture a = ImcArchitectureJson.defaults();
    var zeroAdc = assertThrows(BadInputException.class, () -> ImcKnobs.parse("p8-s4-a0", "cfg.json: layer 'c1'"));
    assertTrue(zeroAdc.getMessage().contains("layer 'c1'") && zeroAdc.getMessage().contains("p8-s4-a0"));
    var wide = assertThrows(BadInputException.class,
        () -> ImcKnobs.parse("p8-s4-a12", "layer 'c1'").checkFor(a, 8, "layer 'c1'"));
    assertTrue(wide.getMessage().contains("12-bit ADC"), wide.getMessage());
    var slices = assertThrows(BadInputException.class,
        () -> ImcKnobs.parse("p8-s5-a9", "layer 'c1'").checkFor(a, 8, "layer 'c1'"));
    assertTrue(slices.getMessage().contains("5 weight slices"), slices.getMessage());
  }
}
