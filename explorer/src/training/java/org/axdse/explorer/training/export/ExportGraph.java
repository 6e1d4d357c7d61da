package org.axdse.explorer.training.export;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A trained network as a plain ONNX-shaped graph: nodes in topological order, constant tensors, one float input
 * of shape {@code [N, ...inputShape]} (N symbolic) and one float output of shape {@code [N, outputSize]}. It is
 * what the training code hands to an {@link OnnxWriter}; it knows nothing of DJL.
 */
public record ExportGraph(
    String name,
    String inputName,
    long[] inputShape,
    String outputName,
    long outputSize,
    List<Node> nodes,
    List<Tensor> initializers) {

  /** ONNX operator set the nodes are written against. */
  public static final int OPSET = 13;

  public ExportGraph {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(inputName, "inputName");
    Objects.requireNonNull(outputName, "outputName");
    inputShape = inputShape.clone();
    nodes = List.copyOf(nodes);
    initializers = List.copyOf(initializers);
    if (outputSize <= 0) {
      throw new IllegalArgumentException("outputSize must be positive: " + outputSize);
    }
  }

  @Override
  public long[] inputShape() {
    return inputShape.clone();
  }

  /**
   * One operator. Attribute values are {@code Long}, {@code Float}, {@code String} or {@code long[]} (ints); an
   * empty string among the outputs marks an optional output that is not produced.
   */
  public record Node(String opType, List<String> inputs, List<String> outputs, Map<String, Object> attributes) {
    public Node {
      Objects.requireNonNull(opType, "opType");
      inputs = List.copyOf(inputs);
      outputs = List.copyOf(outputs);
      attributes = Map.copyOf(attributes);
      for (Object v : attributes.values()) {
        if (!(v instanceof Long || v instanceof Float || v instanceof String || v instanceof long[])) {
          throw new IllegalArgumentException(opType + ": unsupported attribute value " + v.getClass());
        }
      }
    }
  }

  /** A constant: float data, or int64 data (for shapes), row-major with the given dims. */
  public record Tensor(String name, long[] dims, float[] floats, long[] longs) {
    public Tensor {
      Objects.requireNonNull(name, "name");
      dims = dims.clone();
      long n = 1;
      for (long d : dims) {
        n *= d;
      }
      if ((floats == null) == (longs == null)) {
        throw new IllegalArgumentException(name + ": exactly one of floats and longs must be given");
      }
      int len = floats != null ? floats.length : longs.length;
      if (len != n) {
        throw new IllegalArgumentException(name + ": " + len + " values for dims of size " + n);
      }
    }

    public static Tensor ofFloats(String name, long[] dims, float[] data) {
      return new Tensor(name, dims, data.clone(), null);
    }

    public static Tensor ofLongs(String name, long[] dims, long[] data) {
      return new Tensor(name, dims, null, data.clone());
    }

    @Override
    public long[] dims() {
      return dims.clone();
    }
  }
}
