package org.axdse.explorer.training.net;

import org.axdse.simulator.onnx.OnnxGraphBuilder;

/** The simulator's ONNX graph builder plus unique node names ({@code conv_0}, {@code relu_1}, ...). */
public final class ExportContext {
  private final OnnxGraphBuilder graph;
  private int counter;

  ExportContext(OnnxGraphBuilder graph) {
    this.graph = graph;
  }

  public OnnxGraphBuilder graph() {
    return graph;
  }

  /** A fresh node name starting with {@code hint}. */
  public String name(String hint) {
    return hint + "_" + counter++;
  }
}
