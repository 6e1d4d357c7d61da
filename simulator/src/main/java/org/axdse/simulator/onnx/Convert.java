package org.axdse.simulator.onnx;

import java.util.Arrays;
import java.util.function.Supplier;
import org.axdse.simulator.model.Layer;
import org.axdse.simulator.model.Window;
import org.axdse.simulator.onnx.proto.OnnxSubset.NodeProto;

/** Helpers shared by the converters: axes, windows, and emitting a layer with its errors placed on the node. */
final class Convert {
  private Convert() {}

  /** Builds a layer, turning the record's validation failure into an error that names the node. */
  static <L extends Layer> L build(ImportContext ctx, NodeProto node, Supplier<L> layer) {
    try {
      return layer.get();
    } catch (IllegalArgumentException e) {
      throw ctx.fail(node, "shape mismatch: " + e.getMessage());
    }
  }

  /** Emits {@code layer} and registers its output as the node's first output, batch-first. */
  static void emitBatchFirst(ImportContext ctx, NodeProto node, Layer layer) {
    ctx.emit(layer);
    ctx.putValue(node.getOutput(0), Value.batchFirst(layer.output().name(), layer.output().shape()));
  }

  /** Emits {@code layer} whose output has the ONNX dimensions {@code onnxDims} (batch marked). */
  static void emit(ImportContext ctx, NodeProto node, Layer layer, int[] onnxDims) {
    ctx.emit(layer);
    Value v = new Value(layer.output().name(), onnxDims);
    if (!v.shape().equals(layer.output().shape())) {
      throw ctx.fail(node, "internal shape error " + v.shape() + " vs " + layer.output().shape());
    }
    ctx.putValue(node.getOutput(0), v);
  }

  /** {@code axis} made non-negative for a tensor of rank {@code rank}. */
  static int axis(ImportContext ctx, NodeProto node, long axis, int rank) {
    long a = axis < 0 ? axis + rank : axis;
    if (a < 0 || a >= rank) {
      throw ctx.fail(node, "axis " + axis + " out of range for rank " + rank);
    }
    return (int) a;
  }

  /** The ONNX axis {@code axis} of {@code v}, which must not be the batch axis, as an ONNX (not IR) index. */
  static int nonBatchAxis(ImportContext ctx, NodeProto node, Value v, long axis) {
    int a = axis(ctx, node, axis, v.rank());
    if (a == v.batchAxis()) {
      throw ctx.fail(node, "operating on the batch axis " + axis + " of " + v.describe() + " is not supported");
    }
    return a;
  }

  static void requireBatchFirst(ImportContext ctx, NodeProto node, Value v, int rank) {
    if (v.rank() != rank || v.batchAxis() != 0) {
      throw ctx.fail(node, "input " + v.describe() + " is not a batch-first rank-" + rank + " tensor");
    }
  }

  /** The optional integer constant input {@code index} (axes, split sizes), or null when the node leaves it out. */
  static long[] optionalInts(ImportContext ctx, NodeProto node, int index, String role) {
    Constant c = ctx.optionalConstant(node, index, role);
    if (c != null && !c.isInteger()) {
      throw ctx.fail(node, role + " must be integers");
    }
    return c == null ? null : c.longs();
  }

  static int toInt(ImportContext ctx, NodeProto node, long v, String what) {
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw ctx.fail(node, what + " " + v + " out of range");
    }
    return (int) v;
  }

  /** The sliding window from the strides, pads, dilations and auto_pad attributes. */
  static Window window(ImportContext ctx, NodeProto node, NodeAttributes a, int kH, int kW, int inH, int inW) {
    long[] strides = orDefault(a.ints("strides"), 1, 1);
    long[] dil = orDefault(a.ints("dilations"), 1, 1);
    long[] pads = orDefault(a.ints("pads"), 0, 0, 0, 0);
    if (strides.length != 2 || dil.length != 2 || pads.length != 4) {
      throw ctx.fail(node, "only 2-D windows are supported (strides " + Arrays.toString(strides) + ", pads "
          + Arrays.toString(pads) + ")");
    }
    String autoPad = a.s("auto_pad", "NOTSET");
    int sh = toInt(ctx, node, strides[0], "stride");
    int sw = toInt(ctx, node, strides[1], "stride");
    int dh = toInt(ctx, node, dil[0], "dilation");
    int dw = toInt(ctx, node, dil[1], "dilation");
    int[] p = new int[4];
    switch (autoPad) {
      case "NOTSET" -> {
        for (int i = 0; i < 4; i++) {
          p[i] = toInt(ctx, node, pads[i], "pad");
        }
      }
      case "VALID" -> { }
      case "SAME_UPPER", "SAME_LOWER" -> {
        boolean upper = autoPad.equals("SAME_UPPER");
        int th = samePad(inH, kH, sh, dh);
        int tw = samePad(inW, kW, sw, dw);
        p[0] = upper ? th / 2 : th - th / 2;
        p[2] = th - p[0];
        p[1] = upper ? tw / 2 : tw - tw / 2;
        p[3] = tw - p[1];
      }
      default -> throw ctx.fail(node, "unsupported attribute 'auto_pad'=" + autoPad);
    }
    try {
      Window w = new Window(kH, kW, sh, sw, p[0], p[1], p[2], p[3], dh, dw);
      w.outH(inH);
      w.outW(inW);
      return w;
    } catch (IllegalArgumentException e) {
      throw ctx.fail(node, "shape mismatch: " + e.getMessage());
    }
  }

  private static int samePad(int in, int k, int stride, int dilation) {
    int out = (in + stride - 1) / stride;
    return Math.max(0, (out - 1) * stride + (k - 1) * dilation + 1 - in);
  }

  private static long[] orDefault(long[] v, long... dflt) {
    return v == null ? dflt : v;
  }
}
