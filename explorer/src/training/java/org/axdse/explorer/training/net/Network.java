package org.axdse.explorer.training.net;

import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axdse.simulator.onnx.OnnxGraphBuilder;
import org.axdse.simulator.onnx.proto.OnnxSubset.ModelProto;

/**
 * A classifier as a chain of {@link NetLayer}s: one DJL block to train and, from the same parameters, one ONNX
 * model (written with the simulator's {@link OnnxGraphBuilder}) with input {@code input} of shape
 * {@code [N, ...inputShape]} and one output of shape {@code [N, classes]}: the logits.
 */
public final class Network {
  public static final String INPUT = "input";

  private final String name;
  private final long[] inputShape;
  private final List<NetLayer> layers;
  private final long classes;
  private final SequentialBlock block = new SequentialBlock();

  public Network(String name, long[] inputShape, List<NetLayer> layers) {
    this.name = name;
    this.inputShape = inputShape.clone();
    this.layers = List.copyOf(layers);
    long[] out = Sequence.outputShape(this.layers, this.inputShape);
    if (out.length != 1) {
      throw new IllegalArgumentException(name + ": the last layer must output a flat vector of logits");
    }
    this.classes = out[0];
    this.layers.forEach(l -> block.add(l.block()));
  }

  public String name() {
    return name;
  }

  /** Per-sample input shape, e.g. {@code [1, 28, 28]}, or {@code [28, 28]} for a row-by-row sequence model. */
  public long[] inputShape() {
    return inputShape.clone();
  }

  public long classes() {
    return classes;
  }

  public Block block() {
    return block;
  }

  /** Multiply-accumulates for one sample of inference. */
  public long macs() {
    return Sequence.macs(layers, inputShape);
  }

  /** The ONNX inference model with the current parameters (call after training). */
  public ModelProto export() {
    return export(new ExportContext(OnnxGraphBuilder.create(name)));
  }

  /**
   * The {@link Approximated} blocks (every convolution and dense layer) by the ONNX tensor that carries each one's
   * output in {@link #export()} (the output of its ReLU when it has one), in export order.
   */
  public Map<String, Approximated> approximableOutputs() {
    ExportContext ctx = new ExportContext(OnnxGraphBuilder.create(name));
    export(ctx);
    return Collections.unmodifiableMap(new LinkedHashMap<>(ctx.approximable()));
  }

  private ModelProto export(ExportContext ctx) {
    OnnxGraphBuilder graph = ctx.graph();
    String input = graph.input(INPUT, Arrays.stream(inputShape).mapToInt(Math::toIntExact).toArray());
    graph.output(Sequence.export(layers, ctx, input, inputShape));
    return graph.build();
  }

}
