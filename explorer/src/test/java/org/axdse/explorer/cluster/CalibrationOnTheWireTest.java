package org.axdse.explorer.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.axdse.explorer.backend.ProblemRequest;
import org.axdse.explorer.backend.QuantOptions;
import org.junit.jupiter.api.Test;

/**
 * {@code search --recalibrate} and {@code --calib-method} travel with the checkpoint map and the cluster wire, and
 * make another run; runs without them read back as before the flags (a recorded quantization, percentile ranges).
 */
class CalibrationOnTheWireTest {
  private static RunSpec spec(QuantOptions q) {
    return new RunSpec(new ProblemRequest("/m.onnx", "/data", "sym", null, 100, 0, 5, false, q), null, null,
        Map.of(), "layer", "f".repeat(64));
  }

  @Test
  void theFlagRoundTripsAndChangesTheRunKey() {
    QuantOptions plain = new QuantOptions(50, "", 8, true, "").withCompensate("bias");
    QuantOptions afresh = plain.withRecalibrate(true);
    assertTrue(RunSpec.read(new Wire.Reader(spec(afresh).encode())).request().quantization().recalibrate());
    assertFalse(RunSpec.read(new Wire.Reader(spec(plain).encode())).request().quantization().recalibrate());
    assertEquals(afresh, RunSpec.read(new Wire.Reader(spec(afresh).encode())).request().quantization());
    assertTrue(QuantOptions.fromMap(afresh.toMap()).recalibrate());
    assertFalse(plain.toMap().containsKey("recalibrate"), "a plain run writes what runs before the flag wrote");
    assertFalse(QuantOptions.fromMap(plain.toMap()).recalibrate());
    assertEquals("bias", afresh.withWidths(java.util.List.of(8)).compensate(), "the with-methods keep the rest");
    assertTrue(afresh.withPrecision(null).recalibrate(), "and keep the flag");
    assertNotEquals(spec(afresh).key(), spec(plain).key(), "calibrating afresh makes another run");
  }

  @Test
  void theCalibrationMethodRoundTripsAndChangesTheRunKey() {
    QuantOptions plain = new QuantOptions(50, "", 8, true, "").withCompensate("bias");
    QuantOptions mse = plain.withCalibrationMethod("MSE");
    assertEquals("mse", mse.calibrationMethod(), "stored by its canonical name");
    assertEquals(mse, RunSpec.read(new Wire.Reader(spec(mse).encode())).request().quantization());
    assertEquals("mse", QuantOptions.fromMap(mse.toMap()).calibrationMethod());
    assertFalse(plain.toMap().containsKey("calib_method"), "the default writes what runs before the flag wrote");
    assertEquals("percentile", QuantOptions.fromMap(plain.toMap()).calibrationMethod());
    assertEquals("mse", mse.withRecalibrate(true).withWidths(java.util.List.of(8)).calibrationMethod(),
        "the with-methods keep it");
    assertNotEquals(spec(mse).key(), spec(plain).key(), "another calibration makes another run");
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> plain.withCalibrationMethod("max"));
    assertEquals("--calib-method must be minmax, percentile or mse, not 'max'", e.getMessage());
  }
}
