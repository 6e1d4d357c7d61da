package org.axdse.explorer.training.net;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import java.util.Arrays;
import java.util.List;

/**
 * A residual block {@code relu(main(x) + shortcut(x))} (He et al. 2016, "Deep Residual Learning for Image
 * Recognition"); an empty shortcut is the identity. Exported as the two branches, ONNX {@code Add}, then
 * {@code Relu}.
 */
public final class Residual implements NetLayer {
  private final List<NetLayer> main;
  private final List<NetLayer> shortcut;
  private final Block block;

  public Residual(List<NetLayer> main, List<NetLayer> shortcut) {
    if (main.isEmpty()) {
      throw new IllegalArgumentException("a residual block needs a main branch");
    }
    this.main = List.copyOf(main);
    this.shortcut = List.copyOf(shortcut);
    this.block = new ParallelBlock(
        branches -> new NDList(Activation.relu(
            branches.get(0).singletonOrThrow().add(branches.get(1).singletonOrThrow()))),
        List.of(sequence(this.main), this.shortcut.isEmpty() ? Blocks.identityBlock() : sequence(this.shortcut)));
  }

  private static Block sequence(List<NetLayer> layers) {
    SequentialBlock s = new SequentialBlock();
    layers.forEach(l -> s.add(l.block()));
    return s;
  }

  @Override
  public Block block() {
    return block;
  }

  @Override
  public long[] outputShape(long[] in) {
    long[] a = Sequence.outputShape(main, in);
    long[] b = Sequence.outputShape(shortcut, in);
    if (!Arrays.equals(a, b)) {
      throw new IllegalArgumentException("residual branches disagree: " + Arrays.toString(a) + " vs "
          + Arrays.toString(b));
    }
    return a;
  }

  @Override
  public long macs(long[] in) {
    return Sequence.macs(main, in) + Sequence.macs(shortcut, in);
  }

  @Override
  public String export(ExportContext ctx, String input, long[] inShape) {
    String a = Sequence.export(main, ctx, input, inShape);
    String b = Sequence.export(shortcut, ctx, input, inShape);
    return ctx.graph().relu(ctx.name("relu"), ctx.graph().add(ctx.name("add"), a, b));
  }
}
