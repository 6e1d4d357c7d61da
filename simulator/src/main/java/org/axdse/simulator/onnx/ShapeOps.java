package org.axdse.simulator.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.axdse.simulator.model.ConcatLayer;
import org.axdse.simulator.model.Ports;
import org.axdse.simulator.model.ReshapeLayer;
import org.axdse.simulator.model.TensorInfo;
import org.axdse.simulator.model.TransposeLayer;
import org.axdse.simulator.onnx.proto.OnnxSubset.NodeProto;

/**
 * Converters for the operators that move or relabel data: Flatten, Reshape, Squeeze, Unsqueeze, Transpose and
 * Concat (Slice and Pad are in {@link SliceOps}). None may mix the batch axis with another axis.
 */
final class ShapeOps {
  private ShapeOps() {}

  static void register(Map<String, OpConverter> ops) {
    ops.put("Flatten", ShapeOps::flatten);
    ops.put("Reshape", ShapeOps::reshape);
    ops.put("Squeeze", ShapeOps::squeeze);
    ops.put("Unsqueeze", ShapeOps::unsqueeze);
    ops.put("Transpose", ShapeOps::transpose);
    ops.put("Concat", ShapeOps::concat);
  }

  /** Registers {@code newDims} for the node output: an alias when the IR shape is unchanged, else a reshape. */
  private static void relabel(ImportContext ctx, NodeProto node, Value x, int[] newDims) {
    Value probe = new Value(x.irName(), newDims);
    if (probe.shape().size() != x.shape().size()) {
      throw ctx.fail(node, "shape mismatch: " + x.describe() + " cannot become " + probe.describe());
    }
    if (probe.shape().equals(x.shape())) {
      ctx.putValue(node.getOutput(0), probe);
      return;
    }
    Convert.emit(ctx, node, Convert.build(ctx, node, () -> new ReshapeLayer(ctx.layerName(node),
        Ports.of(x.info(), node.getOutput(0), probe.shape()))), newDims);
  }

  private static void flatten(ImportContext ctx, NodeProto node, NodeAttributes a) {
    a.allowOnly("axis");
    Value x = ctx.value(node, 0);
    long axis = a.i("axis", 1);
    int k = (int) (axis < 0 ? axis + x.rank() : axis);
    if (k < 0 || k > x.rank()) {
      throw ctx.fail(node, "axis " + axis + " out of range for rank " + x.rank());
    }
    int[] d = x.onnxDims();
    int b = x.batchAxis();
    int before = 1;
    int after = 1;
    for (int i = 0; i < d.length; i++) {
      if (i != b) {
        if (i < k) {
          before *= d[i];
        } else {
          after *= d[i];
        }
      }
    }
    if (b >= k || before != 1) {
      throw ctx.fail(node, "flattening " + x.describe() + " at axis " + axis + " would merge the batch axis");
    }
    relabel(ctx, node, x, new int[] {Value.BATCH, after});
  }

  private static void reshape(ImportContext ctx, NodeProto node, NodeAttributes a) {
    a.allowOnly("allowzero");
    Value x = ctx.value(node, 0);
    long[] t = ctx.constant(node, 1, "shape").longs();
    if (t == null || t.length == 0) {
      throw ctx.fail(node, "shape must be a non-empty int64 constant");
    }
    if (x.batchAxis() != 0) {
      throw ctx.fail(node, "input " + x.describe() + " is not batch-first");
    }
    boolean allowZero = a.requireInt("allowzero", 0, 0, 1) == 1;
    int[] in = x.onnxDims();
    int[] out = new int[t.length];
    out[0] = Value.BATCH;
    int infer = -1;
    long known = 1;
    for (int i = 1; i < t.length; i++) {
      long v = t[i];
      if (v == 0 && !allowZero) {
        if (i >= in.length) {
          throw ctx.fail(node, "shape entry 0 at " + i + " has no input dimension to copy");
        }
        v = in[i];
      }
      if (v == -1) {
        if (infer >= 0) {
          throw ctx.fail(node, "more than one -1 in shape " + Arrays.toString(t));
        }
        infer = i;
        continue;
      }
      if (v <= 0 || v > Integer.MAX_VALUE) {
        throw ctx.fail(node, "bad shape entry " + t[i] + " in " + Arrays.toString(t));
      }
      out[i] = (int) v;
      known *= v;
    }
    int per = x.shape().size();
    if (infer >= 0) {
      if (known == 0 || per % known != 0) {
        throw ctx.fail(node, "shape " + Arrays.toString(t) + " does not divide " + x.describe());
      }
      out[infer] = (int) (per / known);
      known = per;
    }
    if (known != per) {
      throw ctx.fail(node, "reshape of " + x.describe() + " to " + Arrays.toString(t)
          + " changes the per-sample size (the batch axis must stay first and alone)");
    }
    relabel(ctx, node, x, out);
  }

  private static long[] axesInputOrAttribute(ImportContext ctx, NodeProto node, NodeAttributes a) {
    if (ctx.opset < 13) {
      a.allowOnly("axes");
      return a.ints("axes");
    }
    a.allowOnly();
    Constant c = ctx.optionalConstant(node, 1, "axes");
    if (c != null && !c.isInteger()) {
      throw ctx.fail(node, "axes must be integers");
    }
    return c == null ? null : c.longs();
  }

  private static void squeeze(ImportContext ctx, NodeProto node, NodeAttributes a) {
    Value x = ctx.value(node, 0);
    long[] axes = axesInputOrAttribute(ctx, node, a);
    int[] d = x.onnxDims();
    boolean[] drop = new boolean[d.length];
    if (axes == null) {
      for (int i = 0; i < d.length; i++) {
        drop[i] = d[i] == 1;
      }
    } else {
      for (long ax : axes) {
        int i = Convert.nonBatchAxis(ctx, node, x, ax);
        if (d[i] != 1) {
          throw ctx.fail(node, "cannot squeeze axis " + ax + " of size " + d[i]);
        }
        drop[i] = true;
      }
    }
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < d.length; i++) {
      if (!drop[i]) {
        out.add(d[i]);
      }
    }
    relabel(ctx, node, x, out.stream().mapToInt(Integer::intValue).toArray());
  }

  private static void unsqueeze(ImportContext ctx, NodeProto node, NodeAttributes a) {
    if (ctx.isConstant(node.getInput(0))) {
      ShapeFolding.unsqueeze(ctx, node, axesInputOrAttribute(ctx, node, a));
      return;
    }
    Value x = ctx.value(node, 0);
    long[] axes = axesInputOrAttribute(ctx, node, a);
    if (axes == null) {
      throw ctx.fail(node, "needs axes");
    }
    int rank = x.rank() + axes.length;
    boolean[] inserted = new boolean[rank];
    for (long ax : axes) {
      int i = Convert.axis(ctx, node, ax, rank);
      if (inserted[i]) {
        throw ctx.fail(node, "repeated axis " + ax);
      }
      inserted[i] = true;
    }
    int[] d = x.onnxDims();
    int[] out = new int[rank];
    for (int i = 0, j = 0; i < rank; i++) {
      out[i] = inserted[i] ? 1 : d[j++];
    }
    relabel(ctx, node, x, out);
  }

  private static void transpose(ImportContext ctx, NodeProto node, NodeAttributes a) {
    a.allowOnly("perm");
    Value x = ctx.value(node, 0);
    int r = x.rank();
    long[] perm = a.ints("perm");
    if (perm == null) {
      perm = new long[r];
      for (int i = 0; i < r; i++) {
        perm[i] = r - 1 - i;
      }
    }
    if (perm.length != r) {
      throw ctx.fail(node, "perm " + Arrays.toString(perm) + " does not match rank " + r);
    }
    int[] d = x.onnxDims();
    int[] out = new int[r];
    int[] irPerm = new int[r - 1];
    boolean[] seen = new boolean[r];
    boolean identity = true;
    for (int i = 0, j = 0; i < r; i++) {
      int p = Convert.axis(ctx, node, perm[i], r);
      if (seen[p]) {
        throw ctx.fail(node, "perm " + Arrays.toString(perm) + " is not a permutation");
      }
      seen[p] = true;
      out[i] = d[p];
      if (p != x.batchAxis()) {
        irPerm[j] = x.irAxis(p);
        identity &= irPerm[j] == j;
        j++;
      }
    }
    if (identity) {
      ctx.putValue(node.getOutput(0), new Value(x.irName(), out));
      return;
    }
    Value probe = new Value(node.getOutput(0), out);
    Convert.emit(ctx, node, Convert.build(ctx, node, () -> new TransposeLayer(ctx.layerName(node),
        Ports.of(x.info(), node.getOutput(0), probe.shape()), irPerm)), out);
  }

  private static void concat(ImportContext ctx, NodeProto node, NodeAttributes a) {
    a.allowOnly("axis");
    if (!a.has("axis")) {
      throw ctx.fail(node, "needs an axis");
    }
    if (ctx.isConstant(node.getInput(0))) {
      ShapeFolding.concat(ctx, node);
      return;
    }
    List<Value> ins = new ArrayList<>();
    for (int k = 0; k < node.getInputCount(); k++) {
      ins.add(ctx.value(node, k));
    }
    Value first = ins.get(0);
    int axis = Convert.nonBatchAxis(ctx, node, first, a.i("axis", 0));
    int[] out = first.onnxDims();
    out[axis] = 0;
    for (Value v : ins) {
      if (v.rank() != first.rank() || v.batchAxis() != first.batchAxis()) {
        throw ctx.fail(node, "shape mismatch: " + v.describe() + " vs " + first.describe());
      }
      out[axis] += v.onnxDims()[axis];
    }
    List<TensorInfo> infos = ins.stream().map(Value::info).toList();
    Value probe = new Value(node.getOutput(0), out);
    Convert.emit(ctx, node, Convert.build(ctx, node, () -> new ConcatLayer(ctx.layerName(node),
        new Ports(infos, new TensorInfo(node.getOutput(0), probe.shape())), first.irAxis(axis))), out);
  }
}
