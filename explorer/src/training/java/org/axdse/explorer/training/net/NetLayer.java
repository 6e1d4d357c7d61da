package org.axdse.explorer.training.net;

import ai.djl.nn.Block;

/**
 * One layer of a trainable network, seen two ways: as a DJL {@link Block} to train, and as ONNX nodes to export
 * once trained. Shapes are per sample (no batch dimension), e.g. {@code [C, H, W]} or {@code [features]}.
 */
public interface NetLayer {

  /** The DJL block; the same instance on every call, so its trained parameters can be exported. */
  Block block();

  /** The per-sample output shape for a per-sample input shape. */
  long[] outputShape(long[] in);

  /** Multiply-accumulate operations for one sample (weights times activations; pooling and adds count zero). */
  long macs(long[] in);

  /**
   * Appends this layer's inference nodes, with its current (trained) parameters, and returns the name of its
   * output tensor. BatchNorm is folded into the preceding convolution or Gemm.
   */
  String export(ExportContext ctx, String input, long[] inShape);
}
