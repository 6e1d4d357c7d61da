package org.axdse.simulator.onnx;

import java.util.Arrays;
import java.util.Map;
import org.axdse.simulator.model.PadLayer;
import org.axdse.simulator.model.Ports;
import org.axdse.simulator.model.SliceLayer;
import org.axdse.simulator.onnx.proto.OnnxSubset.NodeProto;

/**
 * Converters for Slice (bounds clamped as ONNX specifies, so INT64_MAX means "to the end"; of a 1-D integer
 * constant such as a shape, folded) and constant Pad.
 */
final class SliceOps {
  private SliceOps() {}

  static void register(Map<String, OpConverter> ops) {
    ops.put("Slice", SliceOps::slice);
    ops.put("Pad", SliceOps::pad);
  }

  private static long[] ints(ImportContext ctx, NodeProto node, int index, String role) {
    Constant c = ctx.optionalConstant(node, index, role);
    if (c != null && !c.isInteger()) {
      throw ctx.fail(node, role + " must be integers");
    }
    return c == null ? null : c.longs();
  }

  private static void slice(ImportContext ctx, NodeProto node, NodeAttributes a) {
    long[] starts;
    long[] ends;
    long[] axes;
    long[] steps = null;
    if (ctx.opset < 10) {
      a.allowOnly("starts", "ends", "axes");
      starts = a.ints("starts");
      ends = a.ints("ends");
      axes = a.ints("axes");
    } else {
      a.allowOnly();
      starts = ints(ctx, node, 1, "starts");
      ends = ints(ctx, node, 2, "ends");
      axes = ints(ctx, node, 3, "axes");
      steps = ints(ctx, node, 4, "steps");
    }
    if (starts == null || ends == null || starts.length != ends.length
        || (axes != null && axes.length != starts.length) || (steps != null && steps.length != starts.length)) {
      throw ctx.fail(node, "starts, ends, axes and steps must have equal lengths");
    }
    if (ctx.isConstant(node.getInput(0))) {
      sliceConstant(ctx, node, ctx.constant(node, 0, "data"), starts, ends, axes, steps);
      return;
    }
    Value x = ctx.value(node, 0);
    int[] d = x.onnxDims();
    int r = x.shape().rank();
    int[] irStart = new int[r];
    int[] irStep = new int[r];
    int[] out = d.clone();
    Arrays.fill(irStep, 1);
    boolean[] seen = new boolean[d.length];
    for (int k = 0; k < starts.length; k++) {
      int axis = Convert.nonBatchAxis(ctx, node, x, axes == null ? k : axes[k]);
      if (seen[axis]) {
        throw ctx.fail(node, "repeated axis " + axis);
      }
      seen[axis] = true;
      long step = steps == null ? 1 : steps[k];
      if (step == 0 || Math.abs(step) > Integer.MAX_VALUE) {
        throw ctx.fail(node, "bad step " + step);
      }
      long dim = d[axis];
      long s = clampIndex(starts[k], dim, 0, step > 0 ? dim : dim - 1);
      long e = clampIndex(ends[k], dim, step > 0 ? 0 : -1, step > 0 ? dim : dim - 1);
      long count = step > 0 ? ceilDiv(e - s, step) : ceilDiv(s - e, -step);
      if (count <= 0) {
        throw ctx.fail(node, "slice of axis " + axis + " is empty");
      }
      int ir = x.irAxis(axis);
      irStart[ir] = (int) s;
      irStep[ir] = (int) step;
      out[axis] = (int) count;
    }
    Value probe = new Value(node.getOutput(0), out);
    Convert.emit(ctx, node, Convert.build(ctx, node, () -> new SliceLayer(ctx.layerName(node),
        Ports.of(x.info(), node.getOutput(0), probe.shape()), irStart, irStep)), out);
  }

  /**
   * Slice of a 1-D constant along axis 0, folded: PyTorch writes {@code x.shape[:2]} (the sizes input of a Resize)
   * as Shape then Slice. The batch placeholder of {@link ShapeFolding} is carried along like any entry.
   */
  private static void sliceConstant(ImportContext ctx, NodeProto node, Constant c, long[] starts, long[] ends,
      long[] axes, long[] steps) {
    if (c.rank() != 1 || !c.isInteger() || starts.length != 1 || (axes != null && axes[0] != 0 && axes[0] != -1)) {
      throw ctx.fail(node, "only Slice of a 1-D integer constant (such as a shape) along axis 0 is supported");
    }
    long[] v = c.longs();
    long step = steps == null ? 1 : steps[0];
    if (step == 0) {
      throw ctx.fail(node, "bad step 0");
    }
    long s = clampIndex(starts[0], v.length, 0, step > 0 ? v.length : v.length - 1);
    long e = clampIndex(ends[0], v.length, step > 0 ? 0 : -1, step > 0 ? v.length : v.length - 1);
    long count = Math.max(0, step > 0 ? ceilDiv(e - s, step) : ceilDiv(s - e, -step));
    long[] out = new long[(int) count];
    for (int k = 0; k < out.length; k++) {
      out[k] = v[(int) (s + k * step)];
    }
    ctx.putConstant(node.getOutput(0), Constant.ofLongs(new long[] {out.length}, out));
  }

  /** ONNX index normalization: negative counts from the end, then clamp to [lo, hi]; saturating for INT64 extremes. */
  private static long clampIndex(long v, long dim, long lo, long hi) {
    long w = v < 0 ? (v < -dim ? -dim - 1 : v) + dim : v;
    return Math.max(lo, Math.min(hi, w));
  }

  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }

  private static void pad(ImportContext ctx, NodeProto node, NodeAttributes a) {
    Value x = ctx.value(node, 0);
    long[] pads;
    float value = 0f;
    long[] axes = null;
    if (ctx.opset < 11) {
      a.allowOnly("mode", "pads", "value");
      pads = a.ints("pads");
      value = a.f("value", 0f);
    } else {
      a.allowOnly("mode");
      pads = ints(ctx, node, 1, "pads");
      Constant cv = ctx.optionalConstant(node, 2, "constant_value");
      if (cv != null) {
        if (cv.size() != 1) {
          throw ctx.fail(node, "constant_value is not a scalar");
        }
        value = cv.asFloats()[0];
      }
      axes = ints(ctx, node, 3, "axes");
    }
    String mode = a.s("mode", "constant");
    if (!mode.equals("constant")) {
      throw ctx.fail(node, "unsupported attribute 'mode'=" + mode + " (only constant)");
    }
    int[] d = x.onnxDims();
    int n = axes == null ? d.length : axes.length;
    if (pads == null || pads.length != 2 * n) {
      throw ctx.fail(node, "pads must have " + 2 * n + " entries");
    }
    int r = x.shape().rank();
    int[] begin = new int[r];
    int[] end = new int[r];
    int[] out = d.clone();
    for (int k = 0; k < n; k++) {
      int axis = Convert.axis(ctx, node, axes == null ? k : axes[k], d.length);
      long pb = pads[k];
      long pe = pads[k + n];
      if (pb == 0 && pe == 0) {
        continue;
      }
      if (axis == x.batchAxis()) {
        throw ctx.fail(node, "padding the batch axis is not supported");
      }
      if (pb < 0 || pe < 0 || pb + pe > Integer.MAX_VALUE / 2) {
        throw ctx.fail(node, "pads " + Arrays.toString(pads) + " are negative or too large");
      }
      begin[x.irAxis(axis)] = (int) pb;
      end[x.irAxis(axis)] = (int) pe;
      out[axis] = (int) (d[axis] + pb + pe);
    }
    Value probe;
    try {
      probe = new Value(node.getOutput(0), out);
      probe.shape();
    } catch (IllegalArgumentException e) {
      throw ctx.fail(node, e.getMessage());
    }
    float v = value;
    Convert.emit(ctx, node, Convert.build(ctx, node, () -> new PadLayer(ctx.layerName(node),
        Ports.of(x.info(), node.getOutput(0), probe.shape()), begin, end, v)), out);
  }
}
