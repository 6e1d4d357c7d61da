package org.axdse.explorer.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.axdse.explorer.backend.ImcOptions;
import org.axdse.explorer.backend.ProblemRequest;
import org.axdse.explorer.backend.QuantOptions;
import org.junit.jupiter.api.Test;

/**
 * The cluster ships an IMC run's architecture (its JSON text) and configuration floors with the settings, so a
 * worker opens the same problem without the file; another architecture is another run.
 */
class ImcOnTheWireTest {
  private static RunSpec spec(ImcOptions imc) {
    QuantOptions q = new QuantOptions(50, "", 8, true, "").withImc(imc);
    return new RunSpec(new ProblemRequest("/m.onnx", "/data", "asym", null, 100, 0, 5, false, q), null, null,
        Map.of(), "layer", "f".repeat(64));
  }

  @Test
  void architectureAndFloorsRoundTripAndChangeTheRunKey() throws Exception {
    ImcOptions isaac = ImcOptions.of(null, 4, 2, 5);
    RunSpec imc = spec(isaac);
    RunSpec read = RunSpec.read(new Wire.Reader(imc.encode()));
    assertEquals(isaac, read.request().quantization().imc());
    assertEquals(imc.key(), read.key());
    Path here = Path.of("").toAbsolutePath();
    Path file = (Files.exists(here.resolve("data")) ? here : here.getParent()).resolve("data/isaac.imc.json");
    String wider = Files.readString(file).replace("\"rows\": 128", "\"rows\": 256");
    Path other = Files.createTempFile("arch", ".json");
    try {
      Files.writeString(other, wider);
      ImcOptions big = ImcOptions.of(other, 4, 2, 5);
      assertEquals(256, RunSpec.read(new Wire.Reader(spec(big).encode())).request().quantization().imc().arch()
          .rows());
      assertNotEquals(imc.key(), spec(big).key(), "another architecture is another run");
    } finally {
      Files.delete(other);
    }
    assertNotEquals(imc.key(), spec(ImcOptions.of(null, 5, 2, 5)).key(), "other floors: another run");
    assertNull(RunSpec.read(new Wire.Reader(spec(null).encode())).request().quantization().imc());
  }

  @Test
  void biasCorrectionRoundTripsAndChangesTheRunKey() {
    ImcOptions plain = ImcOptions.of(null, 4, 2, 5);
    for (String order : ImcOptions.BIAS_ORDERS) {
      ImcOptions bias = plain.withBias(16, order);
      RunSpec read = RunSpec.read(new Wire.Reader(spec(bias).encode()));
      assertEquals(bias, read.request().quantization().imc());
      assertEquals(spec(bias).key(), read.key());
      assertNotEquals(spec(plain).key(), spec(bias).key(), order + ": a corrected run is another run");
      QuantOptions q = new QuantOptions(50, "", 8, true, "").withImc(bias);
      assertEquals(q, QuantOptions.fromMap(q.toMap()));
    }
    assertNotEquals(spec(plain.withBias(16, "exact")).key(), spec(plain.withBias(16, "network")).key());
    assertNotEquals(spec(plain.withBias(16, "exact")).key(), spec(plain.withBias(8, "exact")).key());
    assertFalse(plain.toMap().containsKey("imc_bias_images"), "runs without a correction keep their settings");
  }

  @Test
  void settingsMapRoundTrip() {
    ImcOptions o = ImcOptions.of(null, 3, 2, 4);
    QuantOptions q = new QuantOptions(50, "", 8, true, "").withImc(o);
    assertEquals(q, QuantOptions.fromMap(q.toMap()));
    assertNull(QuantOptions.fromMap(new QuantOptions(50, "", 8, true, "").toMap()).imc());
  }
}
