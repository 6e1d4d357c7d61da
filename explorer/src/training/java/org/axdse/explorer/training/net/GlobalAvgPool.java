package org.axdse.explorer.training.net;

import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import java.util.List;
import java.util.Map;
import org.axdse.explorer.training.export.GraphBuilder;

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
  public String export(GraphBuilder g, String input, long[] inShape) {
    String pooled = g.node("GlobalAveragePool", List.of(input), Map.of());
    return g.node("Flatten", List.of(pooled), Map.of("axis", 1L));
  }
}
