package org.axdse.explorer.training.net;

import ai.djl.nn.Block;
import ai.djl.nn.Blocks;

/** Flattens {@code [C, H, W]} to {@code [C*H*W]}; exported as ONNX {@code Flatten} with axis 1. */
public final class Flatten implements NetLayer {
  private final Block block = Blocks.batchFlattenBlock();

  @Override
  public Block block() {
    return block;
  }

  @Override
  public long[] outputShape(long[] s) {
    long n = 1;
    for (long d : s) {
      n *= d;
    }
    return new long[] {n};
  }

  @Override
  public long macs(long[] in) {
    return 0;
  }

  @Override
  public String export(ExportContext ctx, String input, long[] inShape) {
    return ctx.graph().flatten(ctx.name("flatten"), input, 1);
  }
}
