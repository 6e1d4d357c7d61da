package org.axdse.explorer.training.net;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import java.util.List;
import java.util.Map;
import org.axdse.explorer.training.export.GraphBuilder;

/** A fully connected layer on a flat input, optionally followed by ReLU; exported as ONNX {@code Gemm}. */
public final class Dense implements NetLayer {
  private final int in;
  private final int out;
  private final boolean relu;
  private final Linear linear;
  private final Block block;

  public Dense(int in, int out, boolean relu) {
    this.in = in;
    this.out = out;
    this.relu = relu;
    this.linear = Linear.builder().setUnits(out).build();
    this.block = relu ? new SequentialBlock().add(linear).add(Activation.reluBlock()) : linear;
  }

  @Override
  public Block block() {
    return block;
  }

  @Override
  public long[] outputShape(long[] s) {
    if (s.length != 1 || s[0] != in) {
      throw new IllegalArgumentException("Dense expects [" + in + "], got " + java.util.Arrays.toString(s));
    }
    return new long[] {out};
  }

  @Override
  public long macs(long[] s) {
    return (long) in * out;
  }

  @Override
  public String export(GraphBuilder g, String input, long[] inShape) {
    String w = g.floats("fc_w", new long[] {out, in}, Params.of(linear, "weight"));
    String b = g.floats("fc_b", new long[] {out}, Params.of(linear, "bias"));
    String y = g.node("Gemm", List.of(input, w, b), Map.of("transB", 1L, "alpha", 1f, "beta", 1f));
    return relu ? g.node("Relu", List.of(y), Map.of()) : y;
  }
}
