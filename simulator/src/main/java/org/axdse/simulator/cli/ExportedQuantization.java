package org.axdse.simulator.cli;

import java.nio.file.Path;
import org.axdse.simulator.deploy.RecordedQuantization;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.onnx.OnnxImporter;
import org.axdse.simulator.quant.QuantizedModel;

/**
 * {@code compensate --out M2.onnx}: records beside the written model the activation parameters its compensated
 * weights were computed for ({@code M2.quantization.json}), so that later commands evaluate it as the
 * compensation did instead of calibrating the changed float model afresh.
 */
final class ExportedQuantization {
  private ExportedQuantization() {}

  static void record(Model source, Path out, QuantizedModel calibrated) {
    RecordedQuantization.write(out, RecordedQuantization.forWeightsOf(source, OnnxImporter.load(out), calibrated));
  }
}
