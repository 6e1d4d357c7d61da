package org.axdse.simulator.onnx;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.simulator.model.Layer;
import org.axdse.simulator.onnx.proto.OnnxSubset.NodeProto;

/**
 * The state of one import: constants, the ONNX values computed so far, and the layers emitted in order. Every
 * converter error goes through {@link #fail} so that it names the file, node and operator.
 */
final class ImportContext {
  final Path file;
  final long opset;
  private final Map<String, Constant> constants = new HashMap<>();
  private final Map<String, Value> values = new HashMap<>();
  private final Map<String, Integer> readers;
  private final List<Layer> layers = new ArrayList<>();
  private final Set<String> layerNames = new HashSet<>();
  private final Map<String, Integer> nodeIndex = new HashMap<>();

  ImportContext(Path file, long opset, Map<String, Integer> readers) {
    this.file = file;
    this.opset = opset;
    this.readers = readers;
  }

  BadInputException fail(NodeProto node, String problem) {
    return BadInputException.in(file, "node " + describe(node) + " (" + node.getOpType() + "): " + problem);
  }

  String describe(NodeProto node) {
    if (!node.getName().isEmpty()) {
      return "'" + node.getName() + "'";
    }
    return "#" + nodeIndex.getOrDefault(key(node), -1) + (node.getOutputCount() > 0 ? " -> '" + node.getOutput(0)
        + "'" : "");
  }

  void indexNode(NodeProto node, int index) {
    nodeIndex.put(key(node), index);
  }

  private static String key(NodeProto node) {
    return node.getOutputCount() > 0 ? node.getOutput(0) : node.getOpType() + System.identityHashCode(node);
  }

  /** A unique layer name: the node name when it has one, else op_type and output. */
  String layerName(NodeProto node) {
    String base = !node.getName().isEmpty() ? node.getName()
        : node.getOpType() + "_" + (node.getOutputCount() > 0 ? node.getOutput(0) : "out");
    String name = base;
    for (int k = 2; !layerNames.add(name); k++) {
      name = base + "_" + k;
    }
    return name;
  }

  void putConstant(String name, Constant c) {
    constants.put(name, c);
  }

  void putValue(String name, Value v) {
    values.put(name, v);
  }

  boolean isConstant(String name) {
    return constants.containsKey(name);
  }

  /** The constant input {@code index} of {@code node}; fails when missing or not constant. */
  Constant constant(NodeProto node, int index, String role) {
    if (index >= node.getInputCount() || node.getInput(index).isEmpty()) {
      throw fail(node, "missing input " + role);
    }
    Constant c = constants.get(node.getInput(index));
    if (c == null) {
      throw fail(node, values.containsKey(node.getInput(index))
          ? "input " + role + " ('" + node.getInput(index) + "') must be a constant initializer"
          : "missing initializer '" + node.getInput(index) + "' for input " + role);
    }
    return c;
  }

  /** The optional constant input {@code index}, or null when the node leaves it out. */
  Constant optionalConstant(NodeProto node, int index, String role) {
    if (index >= node.getInputCount() || node.getInput(index).isEmpty()) {
      return null;
    }
    return constant(node, index, role);
  }

  /** The activation input {@code index} of {@code node}. */
  Value value(NodeProto node, int index) {
    if (index >= node.getInputCount() || node.getInput(index).isEmpty()) {
      throw fail(node, "missing input " + index);
    }
    String name = node.getInput(index);
    Value v = values.get(name);
    if (v == null) {
      throw fail(node, constants.containsKey(name)
          ? "constant input '" + name + "' where an activation is expected is not supported"
          : "reads unknown tensor '" + name + "' (missing initializer or node out of order)");
    }
    return v;
  }

  Value valueNamed(String name) {
    return values.get(name);
  }

  /** How many node inputs and graph outputs read {@code tensor}. */
  int readers(String tensor) {
    return readers.getOrDefault(tensor, 0);
  }

  void emit(Layer layer) {
    layers.add(layer);
  }

  /** The most recent layer, for folding a following affine operation into it. */
  Layer lastLayer() {
    return layers.isEmpty() ? null : layers.get(layers.size() - 1);
  }

  void replaceLast(Layer layer) {
    layers.set(layers.size() - 1, layer);
  }

  List<Layer> layers() {
    return layers;
  }
}
