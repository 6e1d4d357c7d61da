package org.axdse.explorer.training.export;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Accumulates nodes and constants for an {@link ExportGraph}, naming every tensor uniquely. */
public final class GraphBuilder {
  private final List<ExportGraph.Node> nodes = new ArrayList<>();
  private final List<ExportGraph.Tensor> initializers = new ArrayList<>();
  private int counter;

  /** A fresh tensor name starting with {@code hint}. */
  public String fresh(String hint) {
    return hint + "_" + counter++;
  }

  /** Adds a node with one output and returns the output's name. */
  public String node(String opType, List<String> inputs, Map<String, Object> attributes) {
    String out = fresh(opType.toLowerCase());
    nodes.add(new ExportGraph.Node(opType, inputs, List.of(out), attributes));
    return out;
  }

  /** Adds a node with the given outputs (empty strings for optional outputs not produced). */
  public void node(String opType, List<String> inputs, List<String> outputs, Map<String, Object> attributes) {
    nodes.add(new ExportGraph.Node(opType, inputs, outputs, attributes));
  }

  /** Adds a float constant and returns its name. */
  public String floats(String hint, long[] dims, float[] data) {
    String name = fresh(hint);
    initializers.add(ExportGraph.Tensor.ofFloats(name, dims, data));
    return name;
  }

  /** Adds an int64 vector constant (a shape, say) and returns its name. */
  public String longs(String hint, long... data) {
    String name = fresh(hint);
    initializers.add(ExportGraph.Tensor.ofLongs(name, new long[] {data.length}, data));
    return name;
  }

  /** Renames the last node's single output to {@code name}, so the graph output has a stable name. */
  public void renameLastOutput(String name) {
    ExportGraph.Node last = nodes.remove(nodes.size() - 1);
    nodes.add(new ExportGraph.Node(last.opType(), last.inputs(), List.of(name), last.attributes()));
  }

  public ExportGraph build(String name, String inputName, long[] inputShape, String outputName, long outputSize) {
    return new ExportGraph(name, inputName, Arrays.copyOf(inputShape, inputShape.length), outputName, outputSize,
        nodes, initializers);
  }
}
