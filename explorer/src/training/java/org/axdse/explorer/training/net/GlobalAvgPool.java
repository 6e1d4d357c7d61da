package org.axdse.explorer.training.net;

import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;

/**
 * Averages each channel over its spatial positions, {@code [C, H, W]} to {@code [C]}; exported as ONNX
 * {@code GlobalAveragePool} then {@code Flatten}.
 */
public final class GlobalAvgPool implements NetLayer {
  private final Block block = LambdaBlock.singleton(x -> x.mean(new int[] {3}).mean(new int[] {2}), "globalAvgPool");

  @Override
  public Block block() {
    return block;
  }

  @Override
  public long[] outputShape(long[] s) {
    return new long[] {s[0]};
  }

  @Override
  public long macs(long[] in) {
    return 0;
  }

  @Override
  public String export(ExportContext ctx, String input, long[] inShape) {
    String pooled = ctx.graph().globalAveragePool(ctx.name("gap"), input);
    return ctx.graph().flatten(ctx.name("flatten"), pooled, 1);
  }
}
