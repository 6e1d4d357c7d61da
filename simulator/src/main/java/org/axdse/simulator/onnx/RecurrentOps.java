package org.axdse.simulator.onnx;

import java.util.List;
import java.util.Map;
import org.axdse.simulator.model.GruLayer;
import org.axdse.simulator.model.Layer;
import org.axdse.simulator.model.LstmLayer;
import org.axdse.simulator.model.Ports;
import org.axdse.simulator.model.ReshapeLayer;
import org.axdse.simulator.model.Shape;
import org.axdse.simulator.model.SliceLayer;
import org.axdse.simulator.model.TensorInfo;
import org.axdse.simulator.onnx.proto.OnnxSubset.NodeProto;

/**
 * Converters for forward, single-layer LSTM and GRU with the default activations and zero initial state. The
 * recurrent layer writes all hidden states {@code [T, H]}; ONNX's Y ({@code [T, 1, N, H]}, or {@code [N, T, 1, H]}
 * with layout 1) is a reshape of it and Y_h the slice at the last step.
 */
final class RecurrentOps {
  private RecurrentOps() {}

  static void register(Map<String, OpConverter> ops) {
    ops.put("LSTM", (c, n, a) -> recurrent(c, n, a, 4));
    ops.put("GRU", (c, n, a) -> recurrent(c, n, a, 3));
  }

  private static void recurrent(ImportContext ctx, NodeProto node, NodeAttributes a, int gates) {
    boolean lstm = gates == 4;
    if (lstm) {
      a.allowOnly("activation_alpha", "activation_beta", "activations", "clip", "direction", "hidden_size",
          "input_forget", "layout");
      a.requireInt("input_forget", 0, 0);
    } else {
      a.allowOnly("activation_alpha", "activation_beta", "activations", "clip", "direction", "hidden_size",
          "layout", "linear_before_reset");
    }
    for (String unsupported : List.of("activation_alpha", "activation_beta", "clip")) {
      if (a.has(unsupported)) {
        throw ctx.fail(node, "unsupported attribute '" + unsupported + "'");
      }
    }
    String direction = a.s("direction", "forward");
    if (!direction.equals("forward")) {
      throw ctx.fail(node, "unsupported attribute 'direction'=" + direction + " (forward only)");
    }
    List<String> acts = a.strings("activations");
    List<String> dflt = lstm ? List.of("Sigmoid", "Tanh", "Tanh") : List.of("Sigmoid", "Tanh");
    if (acts != null && !acts.equals(dflt)) {
      throw ctx.fail(node, "unsupported attribute 'activations'=" + acts + " (only " + dflt + ")");
    }
    boolean batchFirst = a.requireInt("layout", 0, 0, 1) == 1;
    boolean lbr = !lstm && a.requireInt("linear_before_reset", 0, 0, 1) == 1;

    Value x = ctx.value(node, 0);
    if (x.rank() != 3 || x.batchAxis() != (batchFirst ? 0 : 1)) {
      throw ctx.fail(node, "input " + x.describe() + " is not " + (batchFirst ? "[N, T, I]" : "[T, N, I]"));
    }
    int steps = x.shape().dim(0);
    int inputSize = x.shape().dim(1);
    Constant w = ctx.constant(node, 1, "W");
    Constant r = ctx.constant(node, 2, "R");
    long[] wd = w.dims();
    if (wd.length != 3 || wd[0] != 1 || wd[1] % gates != 0 || wd[2] != inputSize) {
      throw ctx.fail(node, "shape mismatch: W " + w.describeDims() + " is not [1, " + gates + "H, " + inputSize + "]");
    }
    int hidden = (int) (wd[1] / gates);
    if (a.has("hidden_size") && a.i("hidden_size", 0) != hidden) {
      throw ctx.fail(node, "shape mismatch: hidden_size " + a.i("hidden_size", 0) + " but W has " + hidden);
    }
    long[] rd = r.dims();
    if (rd.length != 3 || rd[0] != 1 || rd[1] != (long) gates * hidden || rd[2] != hidden) {
      throw ctx.fail(node, "shape mismatch: R " + r.describeDims() + " is not [1, " + gates * hidden + ", " + hidden + "]");
    }
    float[] wb = new float[gates * hidden];
    float[] rb = new float[gates * hidden];
    Constant b = ctx.optionalConstant(node, 3, "B");
    if (b != null) {
      float[] bv = b.asFloats();
      if (bv.length != 2 * gates * hidden) {
        throw ctx.fail(node, "shape mismatch: B " + b.describeDims() + " is not [1, " + 2 * gates * hidden + "]");
      }
      System.arraycopy(bv, 0, wb, 0, wb.length);
      System.arraycopy(bv, wb.length, rb, 0, rb.length);
    }
    Constant lens = ctx.optionalConstant(node, 4, "sequence_lens");
    if (lens != null && (!lens.isInteger() || java.util.Arrays.stream(lens.longs()).anyMatch(v -> v != steps))) {
      throw ctx.fail(node, "sequence_lens other than the full length " + steps + " are not supported");
    }
    String[] zeroInputs = lstm ? new String[] {"initial_h", "initial_c", "P"} : new String[] {"initial_h"};
    for (int k = 0; k < zeroInputs.length; k++) {
      Constant c = ctx.optionalConstant(node, 5 + k, zeroInputs[k]);
      if (c != null && !c.allZero()) {
        throw ctx.fail(node, "non-zero " + zeroInputs[k] + " is not supported");
      }
    }
    if (lstm && node.getOutputCount() > 2 && !node.getOutput(2).isEmpty() && ctx.readers(node.getOutput(2)) > 0) {
      throw ctx.fail(node, "the cell state output Y_c is not supported");
    }
    String name = ctx.layerName(node);
    Ports ports = Ports.of(x.info(), name + "/Y", Shape.of(steps, hidden));
    Layer layer;
    if (lstm) {
      float[] bias = new float[4 * hidden];
      for (int i = 0; i < bias.length; i++) {
        bias[i] = wb[i] + rb[i];
      }
      layer = Convert.build(ctx, node, () -> new LstmLayer(name, ports, inputSize, hidden, w.asFloats(),
          r.asFloats(), bias));
    } else {
      layer = Convert.build(ctx, node, () -> new GruLayer(name, ports, inputSize, hidden, w.asFloats(),
          r.asFloats(), wb, rb, lbr));
    }
    ctx.emit(layer);
    TensorInfo seq = layer.output();
    if (node.getOutputCount() > 0 && !node.getOutput(0).isEmpty()) {
      String y = node.getOutput(0);
      ctx.emit(Convert.build(ctx, node, () -> new ReshapeLayer(ctx.layerName(node),
          Ports.of(seq, y, Shape.of(steps, 1, hidden)))));
      int[] dims = batchFirst ? new int[] {Value.BATCH, steps, 1, hidden} : new int[] {steps, 1, Value.BATCH, hidden};
      ctx.putValue(y, new Value(y, dims));
    }
    if (node.getOutputCount() > 1 && !node.getOutput(1).isEmpty()) {
      String yh = node.getOutput(1);
      ctx.emit(Convert.build(ctx, node, () -> new SliceLayer(ctx.layerName(node),
          Ports.of(seq, yh, Shape.of(1, hidden)), new int[] {steps - 1, 0}, new int[] {1, 1})));
      int[] dims = batchFirst ? new int[] {Value.BATCH, 1, hidden} : new int[] {1, Value.BATCH, hidden};
      ctx.putValue(yh, new Value(yh, dims));
    }
  }
}
