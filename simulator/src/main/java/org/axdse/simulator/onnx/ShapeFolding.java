package org.axdse.simulator.onnx;

import java.util.Arrays;
import java.util.Map;
import org.axdse.simulator.onnx.proto.OnnxSubset.NodeProto;

/**
 * The shape arithmetic PyTorch exports around {@code x.chunk(...)} and {@code x.size()}: Shape of an activation
 * becomes a constant of its ONNX dimensions, Gather picks entries of a constant, Cast converts a constant, and
 * Add, Sub, Mul and Div of two constants are folded (integer Div truncates, as ONNX says), as are Unsqueeze and
 * Concat of constants. The batch size is dynamic: a Shape constant holds {@link #BATCH} in its place, which Gather,
 * Unsqueeze and Concat carry along; Reshape reads the first entry of its target as the batch whatever it holds, and
 * any arithmetic on {@link #BATCH} (or a Reshape target holding it elsewhere) is a one-line error.
 */
final class ShapeFolding {
  /** The placeholder of the dynamic batch size in a folded shape (no real dimension or index is near it). */
  static final long BATCH = Long.MIN_VALUE / 3;

  private ShapeFolding() {}

  static void register(Map<String, OpConverter> ops) {
    ops.put("Shape", ShapeFolding::shape);
    ops.put("Gather", ShapeFolding::gather);
    ops.put("Cast", ShapeFolding::cast);
  }

  private static void shape(ImportContext ctx, NodeProto node, NodeAttributes a) {
    a.allowOnly("start", "end");
    Value x = ctx.value(node, 0);
    int r = x.rank();
    int start = (int) clampAxis(a.i("start", 0), r);
    int end = (int) clampAxis(a.i("end", r), r);
    int[] d = x.onnxDims();
    long[] v = new long[Math.max(0, end - start)];
    for (int i = start; i < end; i++) {
      v[i - start] = d[i] == Value.BATCH ? BATCH : d[i];
    }
    ctx.putConstant(node.getOutput(0), Constant.ofLongs(new long[] {v.length}, v));
  }

  private static long clampAxis(long axis, int rank) {
    long a = axis < 0 ? axis + rank : axis;
    return Math.max(0, Math.min(rank, a));
  }

  private static void gather(ImportContext ctx, NodeProto node, NodeAttributes a) {
    a.allowOnly("axis");
    if (!ctx.isConstant(node.getInput(0))) {
      throw ctx.fail(node, "Gather of an activation is not supported (only of constants such as shapes)");
    }
    Constant data = ctx.constant(node, 0, "data");
    Constant idx = ctx.constant(node, 1, "indices");
    a.requireInt("axis", 0, 0);
    if (data.rank() != 1 || !idx.isInteger() || idx.rank() > 1) {
      throw ctx.fail(node, "only Gather of a 1-D constant along axis 0 with scalar or 1-D indices is supported");
    }
    long[] in = data.isInteger() ? data.longs() : null;
    float[] inF = data.isInteger() ? null : data.asFloats();
    long[] ix = idx.longs();
    long[] out = new long[ix.length];
    float[] outF = new float[ix.length];
    for (int i = 0; i < ix.length; i++) {
      long j = ix[i] < 0 ? ix[i] + data.size() : ix[i];
      if (j < 0 || j >= data.size()) {
        throw ctx.fail(node, "index " + ix[i] + " out of range for " + data.describeDims());
      }
      if (in != null) {
        out[i] = in[(int) j];
      } else {
        outF[i] = inF[(int) j];
      }
    }
    long[] dims = idx.rank() == 0 ? new long[0] : new long[] {ix.length};
    ctx.putConstant(node.getOutput(0), in != null ? Constant.ofLongs(dims, out) : Constant.ofFloats(dims, outF));
  }

  private static void cast(ImportContext ctx, NodeProto node, NodeAttributes a) {
    a.allowOnly("to", "saturate");
    long to = a.i("to", 0);
    boolean toFloat = to == 1;
    boolean toInt = to == 6 || to == 7;
    if (!ctx.isConstant(node.getInput(0))) {
      if (!toFloat) {
        throw ctx.fail(node, "unsupported attribute 'to'=" + to + " on an activation (float32 only)");
      }
      ctx.putValue(node.getOutput(0), ctx.value(node, 0));
      return;
    }
    if (!toFloat && !toInt) {
      throw ctx.fail(node, "unsupported attribute 'to'=" + to + " (float32, int32 or int64 only)");
    }
    Constant c = ctx.constant(node, 0, "input");
    refuseBatch(ctx, node, 0);
    Constant out;
    if (toFloat) {
      out = Constant.ofFloats(c.dims(), c.asFloats());
    } else if (c.isInteger()) {
      out = c;
    } else {
      float[] f = c.asFloats();
      long[] l = new long[f.length];
      for (int i = 0; i < f.length; i++) {
        l[i] = (long) f[i];
      }
      out = Constant.ofLongs(c.dims(), l);
    }
    ctx.putConstant(node.getOutput(0), out);
  }

  /** Add, Sub, Mul or Div of two constants, one of them a scalar or both of the same dimensions. */
  static void fold(ImportContext ctx, NodeProto node, char op) {
    refuseBatch(ctx, node, 0);
    refuseBatch(ctx, node, 1);
    Constant p = ctx.constant(node, 0, "A");
    Constant q = ctx.constant(node, 1, "B");
    boolean same = Arrays.equals(p.dims(), q.dims());
    if (!same && p.size() != 1 && q.size() != 1) {
      throw ctx.fail(node, "arithmetic on constants " + p.describeDims() + " and " + q.describeDims()
          + " is not supported (one scalar or equal shapes only)");
    }
    long[] dims = same || q.size() == 1 ? p.dims() : q.dims();
    int n = Math.max(p.size(), q.size());
    if (p.isInteger() && q.isInteger()) {
      long[] a = p.longs();
      long[] b = q.longs();
      long[] r = new long[n];
      for (int i = 0; i < n; i++) {
        long x = a[p.size() == 1 ? 0 : i];
        long y = b[q.size() == 1 ? 0 : i];
        if (op == '/' && y == 0) {
          throw ctx.fail(node, "integer division by zero");
        }
        r[i] = switch (op) {
          case '+' -> x + y;
          case '-' -> x - y;
          case '*' -> x * y;
          default -> x / y;
        };
      }
      ctx.putConstant(node.getOutput(0), Constant.ofLongs(dims, r));
      return;
    }
    float[] a = p.asFloats();
    float[] b = q.asFloats();
    float[] r = new float[n];
    for (int i = 0; i < n; i++) {
      float x = a[p.size() == 1 ? 0 : i];
      float y = b[q.size() == 1 ? 0 : i];
      r[i] = switch (op) {
        case '+' -> x + y;
        case '-' -> x - y;
        case '*' -> x * y;
        default -> x / y;
      };
    }
    ctx.putConstant(node.getOutput(0), Constant.ofFloats(dims, r));
  }

  private static void refuseBatch(ImportContext ctx, NodeProto node, int input) {
    Constant c = ctx.constant(node, input, "input " + input);
    if (c.isInteger() && Arrays.stream(c.longs()).anyMatch(v -> v == BATCH)) {
      throw ctx.fail(node, "computes with the batch size, which is dynamic (not supported)");
    }
  }

  /** Unsqueeze of a constant: the same values with the new dimensions of length 1. */
  static void unsqueeze(ImportContext ctx, NodeProto node, long[] axes) {
    Constant c = ctx.constant(node, 0, "data");
    if (axes == null) {
      throw ctx.fail(node, "needs axes");
    }
    int rank = c.rank() + axes.length;
    long[] dims = new long[rank];
    boolean[] inserted = new boolean[rank];
    for (long axis : axes) {
      inserted[Convert.axis(ctx, node, axis, rank)] = true;
    }
    for (int i = 0, k = 0; i < rank; i++) {
      dims[i] = inserted[i] ? 1 : c.dims()[k++];
    }
    ctx.putConstant(node.getOutput(0), c.isInteger() ? Constant.ofLongs(dims, c.longs())
        : Constant.ofFloats(dims, c.asFloats()));
  }

  /** Concat of 1-D integer constants (the pieces of a Reshape target). */
  static void concat(ImportContext ctx, NodeProto node) {
    long[] all = new long[0];
    for (int k = 0; k < node.getInputCount(); k++) {
      Constant c = ctx.constant(node, k, "input " + k);
      if (!c.isInteger() || c.rank() != 1) {
        throw ctx.fail(node, "Concat of constants is supported for 1-D integer tensors only");
      }
      long[] v = c.longs();
      long[] joined = Arrays.copyOf(all, all.length + v.length);
      System.arraycopy(v, 0, joined, all.length, v.length);
      all = joined;
    }
    ctx.putConstant(node.getOutput(0), Constant.ofLongs(new long[] {all.length}, all));
  }
}
