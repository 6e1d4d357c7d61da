package org.axdse.explorer.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.axdse.explorer.backend.ProblemRequest;
import org.axdse.explorer.backend.QuantOptions;
import org.axdse.explorer.backend.ShareOptions;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.simulator.share.ShareGranularity;
import org.junit.jupiter.api.Test;

/**
 * The cluster ships a run's weight sharing with its settings (workers open the same expanded problem), and the
 * run settings and checkpoints record it: runs without it read back without sharing.
 */
class ShareOnTheWireTest {
  private static RunSpec spec(ShareOptions share) {
    QuantOptions q = new QuantOptions(50, "", 8, true, "").withWidths(List.of(4, 8)).withShare(share);
    return new RunSpec(new ProblemRequest("/m.onnx", "/data", "sym", null, 100, 0, 5, false, q), null, null,
        Map.of(), "layer", "f".repeat(64));
  }

  @Test
  void sharingRoundTripsAndChangesTheRunKey() {
    ShareOptions share = ShareOptions.parse("channel", "16,4,8");
    assertEquals(List.of(4, 8, 16), share.ks());
    RunSpec shared = spec(share);
    RunSpec read = RunSpec.read(new Wire.Reader(shared.encode()));
    assertEquals(shared.request().quantization(), read.request().quantization());
    assertEquals(ShareGranularity.CHANNEL, read.request().quantization().share().granularity());
    assertNull(RunSpec.read(new Wire.Reader(spec(null).encode())).request().quantization().share());
    assertNotEquals(shared.key(), spec(null).key(), "sharing makes another run");
    assertEquals(share, QuantOptions.fromMap(shared.request().quantization().toMap()).share());
    assertNull(QuantOptions.fromMap(spec(null).request().quantization().toMap()).share(), "runs before sharing");
  }

  @Test
  void badFlagsAreOneLine() {
    assertThrows(BadInputException.class, () -> ShareOptions.parse("row", "4"));
    assertThrows(BadInputException.class, () -> ShareOptions.parse("channel", "4,0"));
    assertThrows(BadInputException.class, () -> ShareOptions.parse("channel", null));
  }

  @Test
  void compensationAfterSharingTravels() {
    // compensation after sharing is supported since issue 13's second step: the wire keeps both settings
    QuantOptions q = new QuantOptions(50, "", 8, false, "").withCompensate("bias").withShare(ShareOptions.parse("layer", "4"));
    QuantOptions back = QuantOptions.fromMap(q.toMap());
    assertEquals("bias", back.compensate());
    assertEquals(q.share(), back.share());
  }
}
