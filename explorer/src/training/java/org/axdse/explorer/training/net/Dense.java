package org.axdse.explorer.training.net;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;

/**
 * A fully connected layer on a flat input, optionally followed by ReLU; exported as ONNX {@code Gemm}. The DJL
 * block is {@link Approximated} (see {@link ConvBn}).
 */
public final class Dense implements NetLayer {
  private final int in;
  private final int out;
  private final boolean relu;
  private final Linear linear;
  private final Approximated block;

  public Dense(int in, int out, boolean relu) {
    this.in = in;
    this.out = out;
    this.relu = relu;
    this.linear = Linear.builder().setUnits(out).build();
    this.block = new Approximated(relu ? new SequentialBlock().add(linear).add(Activation.reluBlock()) : linear);
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
  public String export(ExportContext ctx, String input, long[] inShape) {
    String y = ctx.graph().gemm(ctx.name("fc"), input, Params.of(linear, "weight"), new int[] {out, in},
        Params.of(linear, "bias"), 1f, 1f, true);
    String output = relu ? ctx.graph().relu(ctx.name("relu"), y) : y;
    ctx.approximable(output, block);
    return output;
  }
}
