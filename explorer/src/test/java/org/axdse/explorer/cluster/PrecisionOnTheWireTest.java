package org.axdse.explorer.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.axdse.explorer.backend.ProblemRequest;
import org.axdse.explorer.backend.QuantOptions;
import org.axdse.explorer.backend.ShareOptions;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.simulator.precision.DataAwarePrecision;
import org.junit.jupiter.api.Test;

/**
 * The data-aware precision setting ({@code --weight-rounding gptq}, {@code --share-codebook refit}) travels with
 * the run settings, the checkpoint map and the cluster wire; runs without it read back as nearest rounding; a
 * setting that cannot apply is refused in one line.
 */
class PrecisionOnTheWireTest {
  private static QuantOptions options(String precision) {
    return new QuantOptions(50, "", 8, true, "").withWidths(List.of(4, 8)).withShare(ShareOptions.parse("channel", "4,8"))
        .withPrecision(precision);
  }

  private static RunSpec spec(QuantOptions q) {
    return new RunSpec(new ProblemRequest("/m.onnx", "/data", "sym", null, 100, 0, 5, false, q), null, null,
        Map.of(), "layer", "f".repeat(64));
  }

  @Test
  void theSettingRoundTripsAndChangesTheRunKey() {
    QuantOptions q = options("gptq,refit:2");
    RunSpec read = RunSpec.read(new Wire.Reader(spec(q).encode()));
    assertEquals("gptq,refit:2", read.request().quantization().precision());
    assertEquals(q, read.request().quantization());
    assertEquals("gptq,refit:2", QuantOptions.fromMap(q.toMap()).precision());
    assertNotEquals(spec(q).key(), spec(options(null)).key(), "data-aware rounding makes another run");
    assertEquals("nearest", options(null).precision());
    assertFalse(options(null).toMap().containsKey("precision"), "a nearest run writes what runs before it wrote");
    assertEquals("nearest", QuantOptions.fromMap(options(null).toMap()).precision());
  }

  @Test
  void labelsParseBackAndBadSettingsAreRefused() {
    for (String label : List.of("nearest", "gptq", "refit:0", "gptq,refit:3")) {
      assertEquals(label, DataAwarePrecision.parse(label).label());
    }
    assertEquals("gptq,refit:1", DataAwarePrecision.of("gptq", "refit", 1).label());
    assertEquals("gptq", DataAwarePrecision.of("gptq", "kmeans", 5).label(), "rounds only count with refit");
    assertThrows(BadInputException.class, () -> DataAwarePrecision.of("stochastic", "kmeans", 0));
    assertThrows(BadInputException.class, () -> DataAwarePrecision.of("nearest", "median", 0));
    assertThrows(BadInputException.class, () -> DataAwarePrecision.of("nearest", "refit", -1));
    assertThrows(IllegalArgumentException.class, () -> DataAwarePrecision.parse("refit:x"));
    IllegalArgumentException one = assertThrows(IllegalArgumentException.class,
        () -> new QuantOptions(50, "", 8, true, "").withPrecision("gptq"));
    assertTrue(one.getMessage().contains("--weight-bits"), one.getMessage());
    IllegalArgumentException share = assertThrows(IllegalArgumentException.class,
        () -> new QuantOptions(50, "", 8, true, "").withWidths(List.of(4, 8)).withPrecision("refit:0"));
    assertTrue(share.getMessage().contains("--share"), share.getMessage());
  }
}
