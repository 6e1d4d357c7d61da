package org.axdse.explorer.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;
import org.axdse.explorer.backend.ProblemRequest;
import org.axdse.explorer.backend.QuantOptions;
import org.junit.jupiter.api.Test;

/**
 * The cluster and the checkpoint carry a run's float formats: workers open the same mixed integer/float problem,
 * a resumed run keeps them, and settings written before them load as an integer-only run.
 */
class FloatFormatsOnTheWireTest {
  private static QuantOptions options(List<String> formats) {
    return new QuantOptions(50, "", 8, false, "").withNumberFormats(formats);
  }

  private static RunSpec spec(List<String> formats) {
    return new RunSpec(new ProblemRequest("/m.onnx", "/data", "sym", null, 100, 0, 5, false, options(formats)),
        null, null, Map.of(), "layer", "f".repeat(64));
  }

  @Test
  void formatsRoundTripCanonicallyAndChangeTheRunKey() {
    RunSpec mixed = spec(List.of("E4M3", "e3m4", "e4m3"));
    assertEquals(List.of("e4m3", "e3m4"), mixed.request().quantization().numberFormats(), "canonical, no repeat");
    RunSpec read = RunSpec.read(new Wire.Reader(mixed.encode()));
    assertEquals(mixed.request().quantization(), read.request().quantization());
    assertNotEquals(mixed.key(), spec(List.of()).key(), "other formats are another run");
    assertEquals(List.of(), RunSpec.read(new Wire.Reader(spec(List.of()).encode())).request().quantization()
        .numberFormats());
  }

  @Test
  void checkpointMapsKeepThemAndOldMapsLoad() {
    QuantOptions q = options(List.of("e5m2"));
    assertEquals("e5m2", q.toMap().get("number_formats"));
    assertEquals(q, QuantOptions.fromMap(q.toMap()));
    Map<String, Object> old = options(List.of()).toMap();
    assertEquals(false, old.containsKey("number_formats"), "integer-only maps are as before");
    assertEquals(List.of(), QuantOptions.fromMap(old).numberFormats());
  }
}
