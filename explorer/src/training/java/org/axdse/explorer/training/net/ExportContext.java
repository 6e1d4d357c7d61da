package org.axdse.explorer.training.net;

import java.util.LinkedHashMap;
import java.util.Map;
import org.axdse.simulator.onnx.OnnxGraphBuilder;

/** The simulator's ONNX graph builder plus unique node names ({@code conv_0}, {@code relu_1}, ...). */
public final class ExportContext {
  private final OnnxGraphBuilder graph;
  private final Map<String, Approximated> approximable = new LinkedHashMap<>();
  private int counter;

  ExportContext(OnnxGraphBuilder graph) {
    this.graph = graph;
  }

  public OnnxGraphBuilder graph() {
    return graph;
  }

  /** Records that tensor {@code output} carries the output of {@code block} (after its fused ReLU, if any). */
  void approximable(String output, Approximated block) {
    approximable.put(output, block);
  }

  /** The recorded blocks by output tensor, in export order. */
  Map<String, Approximated> approximable() {
    return approximable;
  }

  /** A fresh node name starting with {@code hint}. */
  public String name(String hint) {
    return hint + "_" + counter++;
  }
}
