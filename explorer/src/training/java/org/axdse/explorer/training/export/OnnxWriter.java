package org.axdse.explorer.training.export;

import java.nio.file.Path;

/**
 * Writes an {@link ExportGraph} as an ONNX model file. The training code depends only on this interface, so the
 * writer can follow the simulator's ONNX schema without the training code changing.
 */
public interface OnnxWriter {

  /** Serializes the graph to ONNX protobuf bytes. */
  byte[] toBytes(ExportGraph graph);

  /** Writes the model atomically (temporary file, then rename). */
  default void write(ExportGraph graph, Path target) {
    org.axdse.multipliers.util.AtomicFiles.write(target, toBytes(graph));
  }

  /** The project's writer. */
  static OnnxWriter standard() {
    return new WireFormatOnnxWriter();
  }
}
