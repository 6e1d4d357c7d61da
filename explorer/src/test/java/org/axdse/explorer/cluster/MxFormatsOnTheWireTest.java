package org.axdse.explorer.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;
import org.axdse.explorer.backend.ProblemRequest;
import org.axdse.explorer.backend.QuantOptions;
import org.junit.jupiter.api.Test;

/** The cluster's run description and the checkpoint carry MX formats under their canonical names. */
class MxFormatsOnTheWireTest {
  private static RunSpec spec(List<String> formats) {
    QuantOptions q = new QuantOptions(50, "", 8, false, "").withNumberFormats(formats);
    return new RunSpec(new ProblemRequest("/m.onnx", "/data", "sym", null, 100, 0, 5, false, q), null, null,
        Map.of(), "layer", "f".repeat(64));
  }

  @Test
  void mxFormatsRoundTripAndDifferFromPerTensorOnes() {
    RunSpec mx = spec(List.of("MXFP8", "e4m3", "e4m3_mx32"));
    assertEquals(List.of("e4m3_mx32", "e4m3"), mx.request().quantization().numberFormats());
    assertEquals(mx.request().quantization(), RunSpec.read(new Wire.Reader(mx.encode())).request().quantization());
    assertNotEquals(mx.key(), spec(List.of("e4m3")).key(), "block-scaled formats are another run");
    QuantOptions q = mx.request().quantization();
    assertEquals(q, QuantOptions.fromMap(q.toMap()), "checkpoint map");
  }
}
