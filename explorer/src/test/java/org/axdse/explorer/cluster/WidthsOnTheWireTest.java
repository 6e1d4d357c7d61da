package org.axdse.explorer.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;
import org.axdse.explorer.backend.ProblemRequest;
import org.axdse.explorer.backend.QuantOptions;
import org.junit.jupiter.api.Test;

/** The cluster ships a run's weight widths with its settings: workers open the same mixed-width problem. */
class WidthsOnTheWireTest {
  private static RunSpec spec(List<Integer> widths) {
    QuantOptions q = new QuantOptions(50, "", widths.get(widths.size() - 1), true, "").withWidths(widths);
    return new RunSpec(new ProblemRequest("/m.onnx", "/data", "sym", null, 100, 0, 5, false, q), null, null,
        Map.of(), "layer", "f".repeat(64));
  }

  @Test
  void widthsRoundTripAndChangeTheRunKey() {
    RunSpec mixed = spec(List.of(4, 6, 8));
    RunSpec read = RunSpec.read(new Wire.Reader(mixed.encode()));
    assertEquals(List.of(4, 6, 8), read.request().quantization().widths());
    assertEquals(mixed.request().quantization(), read.request().quantization());
    assertNotEquals(mixed.key(), spec(List.of(8)).key(), "another width list is another run");
    assertEquals(List.of(8), RunSpec.read(new Wire.Reader(spec(List.of(8)).encode())).request().quantization()
        .widths());
  }
}
