package org.axdse.explorer.training.net;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;

/** Square max or average pooling without padding; exported as ONNX {@code MaxPool} or {@code AveragePool}. */
public final class Pool2d implements NetLayer {
  private final boolean max;
  private final int kernel;
  private final int stride;
  private final Block block;

  private Pool2d(boolean max, int kernel, int stride) {
    this.max = max;
    this.kernel = kernel;
    this.stride = stride;
    Shape k = new Shape(kernel, kernel);
    Shape s = new Shape(stride, stride);
    this.block = max
        ? ai.djl.nn.pooling.Pool.maxPool2dBlock(k, s)
        : ai.djl.nn.pooling.Pool.avgPool2dBlock(k, s);
  }

  public static Pool2d max(int kernel, int stride) {
    return new Pool2d(true, kernel, stride);
  }

  public static Pool2d avg(int kernel, int stride) {
    return new Pool2d(false, kernel, stride);
  }

  @Override
  public Block block() {
    return block;
  }

  @Override
  public long[] outputShape(long[] s) {
    return new long[] {s[0], (s[1] - kernel) / stride + 1, (s[2] - kernel) / stride + 1};
  }

  @Override
  public long macs(long[] in) {
    return 0;
  }

  @Override
  public String export(ExportContext ctx, String input, long[] inShape) {
    int[] k = {kernel, kernel};
    int[] s = {stride, stride};
    int[] pads = {0, 0, 0, 0};
    return max
        ? ctx.graph().maxPool(ctx.name("maxpool"), input, k, s, pads)
        : ctx.graph().averagePool(ctx.name("avgpool"), input, k, s, pads, false);
  }
}
