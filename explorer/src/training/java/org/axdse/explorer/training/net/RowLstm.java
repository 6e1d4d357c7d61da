package org.axdse.explorer.training.net;

import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.recurrent.LSTM;

/**
 * A one-layer LSTM (Hochreiter and Schmidhuber 1997) that reads a {@code [rows, cols]} image row by row,
 * {@code rows} steps of {@code cols} features (the sidecar layout {@code HW}), and outputs its last hidden state
 * {@code [hidden]}.
 *
 * <p>Exported as ONNX {@code Transpose} to time-major {@code [rows, N, cols]}, {@code LSTM} (forward, zero
 * initial state) and {@code Squeeze} of {@code Y_h} {@code [1, N, hidden]} to {@code [N, hidden]}. PyTorch stores
 * the gates in the order input, forget, cell, output; ONNX wants input, output, forget, cell, so the weight
 * blocks are reordered.
 */
public final class RowLstm implements NetLayer {
  /** For each ONNX gate block (i, o, f, c), the PyTorch gate block it comes from (i=0, f=1, g=2, o=3). */
  private static final int[] ONNX_FROM_TORCH = {0, 3, 1, 2};

  private final int rows;
  private final int cols;
  private final int hidden;
  private final LSTM lstm;
  private final SequentialBlock block;

  public RowLstm(int rows, int cols, int hidden) {
    this.rows = rows;
    this.cols = cols;
    this.hidden = hidden;
    this.lstm = LSTM.builder().setStateSize(hidden).setNumLayers(1).optBatchFirst(true).optReturnState(false)
        .build();
    this.block = new SequentialBlock()
        .add(lstm)
        .add(LambdaBlock.singleton(y -> y.get(":, -1, :"), "lastStep"));
  }

  @Override
  public Block block() {
    return block;
  }

  @Override
  public long[] outputShape(long[] in) {
    if (in.length != 2 || in[0] != rows || in[1] != cols) {
      throw new IllegalArgumentException("RowLstm expects [" + rows + ", " + cols + "]");
    }
    return new long[] {hidden};
  }

  /** Per step, four gates each take {@code cols + hidden} inputs per hidden unit. */
  @Override
  public long macs(long[] in) {
    return (long) rows * 4 * hidden * (cols + hidden);
  }

  @Override
  public String export(ExportContext ctx, String input, long[] inShape) {
    String timeMajor = ctx.graph().transpose(ctx.name("time_major"), input, 1, 0, 2);
    float[] w = reorder(param("i2h", "weight"), cols);
    float[] r = reorder(param("h2h", "weight"), hidden);
    float[] wb = reorder(param("i2h", "bias"), 1);
    float[] rb = reorder(param("h2h", "bias"), 1);
    float[] bias = new float[8 * hidden];
    System.arraycopy(wb, 0, bias, 0, wb.length);
    System.arraycopy(rb, 0, bias, wb.length, rb.length);
    String[] outputs = ctx.graph().lstm(ctx.name("lstm"), timeMajor, w, r, bias, hidden);
    return ctx.graph().squeeze(ctx.name("last_state"), outputs[1], 0);
  }

  private float[] param(String kind, String what) {
    for (var p : lstm.getParameters()) {
      if (p.getKey().contains(kind) && p.getKey().toLowerCase(java.util.Locale.ROOT).endsWith(what)) {
        return p.getValue().getArray().toFloatArray();
      }
    }
    throw new IllegalStateException("LSTM parameter " + kind + " " + what + " not found in "
        + lstm.getParameters().keys());
  }

  /** Reorders the four gate blocks of {@code 4*hidden} rows of {@code width} values from PyTorch to ONNX order. */
  private float[] reorder(float[] torch, int width) {
    int blockSize = hidden * width;
    if (torch.length != 4 * blockSize) {
      throw new IllegalStateException("LSTM parameter of " + torch.length + " values, expected " + 4 * blockSize);
    }
    float[] onnx = new float[torch.length];
    for (int gate = 0; gate < 4; gate++) {
      System.arraycopy(torch, ONNX_FROM_TORCH[gate] * blockSize, onnx, gate * blockSize, blockSize);
    }
    return onnx;
  }
}
