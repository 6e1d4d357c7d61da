package org.axdse.simulator.onnx;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.axdse.multipliers.util.AtomicFiles;
import org.axdse.simulator.onnx.proto.OnnxSubset.AttributeProto;
import org.axdse.simulator.onnx.proto.OnnxSubset.AttributeProto.AttributeType;
import org.axdse.simulator.onnx.proto.OnnxSubset.GraphProto;
import org.axdse.simulator.onnx.proto.OnnxSubset.ModelProto;
import org.axdse.simulator.onnx.proto.OnnxSubset.NodeProto;
import org.axdse.simulator.onnx.proto.OnnxSubset.OperatorSetIdProto;
import org.axdse.simulator.onnx.proto.OnnxSubset.TensorProto;
import org.axdse.simulator.onnx.proto.OnnxSubset.TensorShapeProto;
import org.axdse.simulator.onnx.proto.OnnxSubset.TypeProto;
import org.axdse.simulator.onnx.proto.OnnxSubset.ValueInfoProto;

/**
 * Writes an ONNX model (opset 13, float32, one input with a symbolic batch dimension {@code N}) node by node, for
 * exporting trained networks and for building test models. Each method adds one node whose name is also its
 * output tensor's name, stores weights as initializers named {@code <node>.<role>}, and returns the output name.
 * Weight layouts are ONNX's (Conv {@code [outC, inC/group, kH, kW]}, LSTM gates iofc, GRU gates zrh).
 */
public final class OnnxGraphBuilder {
  /** The operator set version written. */
  public static final int OPSET = 13;

  private final GraphProto.Builder graph = GraphProto.newBuilder();

  private OnnxGraphBuilder(String name) {
    graph.setName(name);
  }

  public static OnnxGraphBuilder create(String graphName) {
    return new OnnxGraphBuilder(graphName);
  }

  /** Declares the float input {@code [N, dims...]}. */
  public String input(String name, int... dims) {
    TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
    shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("N"));
    for (int d : dims) {
      shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
    }
    graph.addInput(ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder()
        .setTensorType(TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(shape))));
    return name;
  }

  /** Declares {@code name} as the graph's float output. */
  public OnnxGraphBuilder output(String name) {
    graph.addOutput(ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder()
        .setTensorType(TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE))));
    return this;
  }

  /** A float initializer; returns its name. */
  public String constant(String name, float[] values, long... dims) {
    graph.addInitializer(OnnxTensors.floatTensor(name, values, dims));
    return name;
  }

  /** An int64 initializer; returns its name. */
  public String longConstant(String name, long[] values, long... dims) {
    graph.addInitializer(OnnxTensors.longTensor(name, values, dims));
    return name;
  }

  /** Any node: the escape hatch for operators without a method here. */
  public String node(String opType, String name, List<String> inputs, List<String> outputs,
      AttributeProto... attributes) {
    graph.addNode(NodeProto.newBuilder().setOpType(opType).setName(name).addAllInput(inputs)
        .addAllOutput(outputs).addAllAttribute(Arrays.asList(attributes)));
    return outputs.get(0);
  }

  private String node(String opType, String name, List<String> inputs, AttributeProto... attributes) {
    return node(opType, name, inputs, List.of(name), attributes);
  }

  /** A node of any operator with a single output named {@code name}. */
  public String op(String opType, String name, List<String> inputs, AttributeProto... attributes) {
    return node(opType, name, inputs, attributes);
  }

  public static AttributeProto attr(String name, long value) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeType.INT).setI(value).build();
  }

  public static AttributeProto attr(String name, float value) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeType.FLOAT).setF(value).build();
  }

  public static AttributeProto attr(String name, String value) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeType.STRING)
        .setS(ByteString.copyFrom(value, StandardCharsets.UTF_8)).build();
  }

  public static AttributeProto ints(String name, int... values) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeType.INTS)
        .addAllInts(Arrays.stream(values).asLongStream().boxed().toList()).build();
  }

  /** 2-D convolution; {@code bias} may be null; pads are ONNX's {@code [top, left, bottom, right]}. */
  public String conv(String name, String x, float[] w, int[] wDims, float[] bias, int[] strides, int[] pads,
      int[] dilations, int group) {
    String wn = constant(name + ".weight", w, Arrays.stream(wDims).asLongStream().toArray());
    List<String> in = bias == null ? List.of(x, wn) : List.of(x, wn, constant(name + ".bias", bias, bias.length));
    return node("Conv", name, in, ints("kernel_shape", wDims[2], wDims[3]), ints("strides", strides),
        ints("pads", pads), ints("dilations", dilations), attr("group", (long) group));
  }

  /** {@code alpha * x * op(B) + beta * C}; {@code bDims} are B's stored dimensions; {@code c} may be null. */
  public String gemm(String name, String x, float[] b, int[] bDims, float[] c, float alpha, float beta,
      boolean transB) {
    String bn = constant(name + ".weight", b, bDims[0], bDims[1]);
    List<String> in = c == null ? List.of(x, bn) : List.of(x, bn, constant(name + ".bias", c, c.length));
    return node("Gemm", name, in, attr("alpha", alpha), attr("beta", beta), attr("transB", transB ? 1L : 0L));
  }

  /** {@code x * B} with B constant {@code [rows, cols]}. */
  public String matMul(String name, String x, float[] b, int rows, int cols) {
    return node("MatMul", name, List.of(x, constant(name + ".weight", b, rows, cols)));
  }

  public String relu(String name, String x) {
    return node("Relu", name, List.of(x));
  }

  public String clip(String name, String x, float min, float max) {
    return node("Clip", name, List.of(x, constant(name + ".min", new float[] {min}),
        constant(name + ".max", new float[] {max})));
  }

  public String maxPool(String name, String x, int[] kernel, int[] strides, int[] pads) {
    return node("MaxPool", name, List.of(x), ints("kernel_shape", kernel), ints("strides", strides),
        ints("pads", pads));
  }

  public String averagePool(String name, String x, int[] kernel, int[] strides, int[] pads,
      boolean countIncludePad) {
    return node("AveragePool", name, List.of(x), ints("kernel_shape", kernel), ints("strides", strides),
        ints("pads", pads), attr("count_include_pad", countIncludePad ? 1L : 0L));
  }

  public String globalAveragePool(String name, String x) {
    return node("GlobalAveragePool", name, List.of(x));
  }

  public String flatten(String name, String x, int axis) {
    return node("Flatten", name, List.of(x), attr("axis", (long) axis));
  }

  /** Reshape to {@code shape} (ONNX rules: 0 copies a dimension, -1 is inferred). */
  public String reshape(String name, String x, long... shape) {
    return node("Reshape", name, List.of(x, longConstant(name + ".shape", shape, shape.length)));
  }

  /** Elementwise sum of two tensors (either may be a constant's name). */
  public String add(String name, String a, String b) {
    return node("Add", name, List.of(a, b));
  }

  /** Elementwise product of two tensors (either may be a constant's name). */
  public String mul(String name, String a, String b) {
    return node("Mul", name, List.of(a, b));
  }

  public String batchNormalization(String name, String x, float[] gamma, float[] beta, float[] mean, float[] var,
      float epsilon) {
    int c = gamma.length;
    return node("BatchNormalization", name, List.of(x, constant(name + ".scale", gamma, c),
        constant(name + ".B", beta, c), constant(name + ".mean", mean, c), constant(name + ".var", var, c)),
        attr("epsilon", epsilon));
  }

  /**
   * Forward LSTM over a time-major {@code [T, N, I]} input; {@code w} is {@code [4H, I]}, {@code r}
   * {@code [4H, H]} (gates iofc), {@code b} {@code [8H]} (Wb then Rb) or null. Returns Y {@code [T, 1, N, H]}
   * (named {@code name}) and Y_h {@code [1, N, H]} (named {@code name_h}).
   */
  public String[] lstm(String name, String x, float[] w, float[] r, float[] b, int hidden) {
    return recurrent("LSTM", name, x, w, r, b, hidden, 4);
  }

  /** Forward GRU as {@link #lstm}, with gates zrh, {@code b} {@code [6H]}. */
  public String[] gru(String name, String x, float[] w, float[] r, float[] b, int hidden,
      boolean linearBeforeReset) {
    return recurrent("GRU", name, x, w, r, b, hidden, linearBeforeReset ? 3 : -3);
  }

  private String[] recurrent(String op, String name, String x, float[] w, float[] r, float[] b, int hidden,
      int gatesCode) {
    int gates = Math.abs(gatesCode);
    long input = w.length / ((long) gates * hidden);
    String wn = constant(name + ".W", w, 1, (long) gates * hidden, input);
    String rn = constant(name + ".R", r, 1, (long) gates * hidden, hidden);
    List<String> in = b == null ? List.of(x, wn, rn) : List.of(x, wn, rn, constant(name + ".B", b, 1, 2L * gates * hidden));
    String yh = name + "_h";
    AttributeProto hs = attr("hidden_size", (long) hidden);
    if (op.equals("GRU")) {
      node(op, name, in, List.of(name, yh), hs, attr("linear_before_reset", gatesCode > 0 ? 1L : 0L));
    } else {
      node(op, name, in, List.of(name, yh), hs);
    }
    return new String[] {name, yh};
  }

  public String concat(String name, int axis, String... inputs) {
    return node("Concat", name, List.of(inputs), attr("axis", (long) axis));
  }

  public String slice(String name, String x, long[] starts, long[] ends, long[] axes, long[] steps) {
    int n = starts.length;
    return node("Slice", name, List.of(x, longConstant(name + ".starts", starts, n),
        longConstant(name + ".ends", ends, n), longConstant(name + ".axes", axes, n),
        longConstant(name + ".steps", steps, n)));
  }

  /** Constant padding; {@code pads} is ONNX's {@code [begin per axis..., end per axis...]} including the batch. */
  public String pad(String name, String x, long[] pads, float value) {
    return node("Pad", name, List.of(x, longConstant(name + ".pads", pads, pads.length),
        constant(name + ".value", new float[] {value})), attr("mode", "constant"));
  }

  public String softmax(String name, String x, int axis) {
    return node("Softmax", name, List.of(x), attr("axis", (long) axis));
  }

  public String transpose(String name, String x, int... perm) {
    return node("Transpose", name, List.of(x), ints("perm", perm));
  }

  public String squeeze(String name, String x, long... axes) {
    return node("Squeeze", name, List.of(x, longConstant(name + ".axes", axes, axes.length)));
  }

  public String unsqueeze(String name, String x, long... axes) {
    return node("Unsqueeze", name, List.of(x, longConstant(name + ".axes", axes, axes.length)));
  }

  public ModelProto build() {
    return ModelProto.newBuilder().setIrVersion(8).setProducerName("axdse").setGraph(graph.build())
        .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET)).build();
  }

  /** Writes the model to {@code file} atomically. */
  public void write(Path file) {
    AtomicFiles.write(file, build().toByteArray());
  }
}
