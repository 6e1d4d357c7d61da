package org.axdse.explorer.training.net;

import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.recurrent.LSTM;
import java.util.List;
import java.util.Map;
import org.axdse.explorer.training.export.GraphBuilder;

/**
 * A one-layer LSTM (Hochreiter and Schmidhuber 1997) that reads a {@code [1, rows, cols]} image row by row,
 * {@code rows} steps of {@code cols} features, and outputs its last hidden state {@code [hidden]}.
 *
 * <p>Exported as ONNX {@code Reshape [N,rows,cols]}, {@code Transpose [rows,N,cols]}, {@code LSTM} (forward, zero
 * initial state) and {@code Reshape} of {@code Y_h} to {@code [N, hidden]}. PyTorch stores the gates in the order
 * input, forget, cell, output; ONNX wants input, output, forget, cell, so the weight blocks are reordered.
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
        .add(LambdaBlock.singleton(x -> x.reshape(-1, rows, cols), "rows"))
        .add(lstm)
        .add(LambdaBlock.singleton(y -> y.get(":, -1, :"), "lastStep"));
  }

  @Override
  public Block block() {
    return block;
  }

  @Override
  public long[] outputShape(long[] in) {
    if (in.length != 3 || in[0] != 1 || in[1] != rows || in[2] != cols) {
      throw new IllegalArgumentException("RowLstm expects [1, " + rows + ", " + cols + "]");
    }
    return new long[] {hidden};
  }

  /** Per step, four gates each take {@code cols + hidden} inputs per hidden unit. */
  @Override
  public long macs(long[] in) {
    return (long) rows * 4 * hidden * (cols + hidden);
  }

  @Override
  public String export(GraphBuilder g, String input, long[] inShape) {
    String seq = g.node("Reshape", List.of(input, g.longs("rows_shape", -1, rows, cols)), Map.of());
    String timeMajor = g.node("Transpose", List.of(seq), Map.of("perm", new long[] {1, 0, 2}));
    String w = g.floats("lstm_w", new long[] {1, 4L * hidden, cols}, reorder(param("i2h", "weight"), cols));
    String r = g.floats("lstm_r", new long[] {1, 4L * hidden, hidden}, reorder(param("h2h", "weight"), hidden));
    float[] wb = reorder(param("i2h", "bias"), 1);
    float[] rb = reorder(param("h2h", "bias"), 1);
    float[] bias = new float[8 * hidden];
    System.arraycopy(wb, 0, bias, 0, wb.length);
    System.arraycopy(rb, 0, bias, wb.length, rb.length);
    String b = g.floats("lstm_b", new long[] {1, 8L * hidden}, bias);
    String y = g.fresh("lstm_y");
    String yh = g.fresh("lstm_yh");
    g.node("LSTM", List.of(timeMajor, w, r, b), List.of(y, yh),
        Map.of("hidden_size", (long) hidden, "direction", "forward"));
    return g.node("Reshape", List.of(yh, g.longs("hidden_shape", -1, hidden)), Map.of());
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
