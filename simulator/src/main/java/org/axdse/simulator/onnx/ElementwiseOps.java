package org.axdse.simulator.onnx;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.axdse.simulator.model.AddLayer;
import org.axdse.simulator.model.ClipLayer;
import org.axdse.simulator.model.Ports;
import org.axdse.simulator.model.SoftmaxLayer;
import org.axdse.simulator.model.TensorInfo;
import org.axdse.simulator.onnx.proto.OnnxSubset.AttributeProto;
import org.axdse.simulator.onnx.proto.OnnxSubset.NodeProto;

/** Converters for activations, arithmetic with constants, residual Add, Softmax, passthroughs and Constant. */
final class ElementwiseOps {
  private ElementwiseOps() {}

  static void register(Map<String, OpConverter> ops) {
    ops.put("Relu", ElementwiseOps::relu);
    ops.put("Clip", ElementwiseOps::clip);
    ops.put("Add", (c, n, a) -> arithmetic(c, n, a, '+'));
    ops.put("Sub", (c, n, a) -> arithmetic(c, n, a, '-'));
    ops.put("Mul", (c, n, a) -> arithmetic(c, n, a, '*'));
    ops.put("Div", (c, n, a) -> arithmetic(c, n, a, '/'));
    ops.put("Softmax", ElementwiseOps::softmax);
    ops.put("Identity", ElementwiseOps::passthrough);
    ops.put("Dropout", ElementwiseOps::passthrough);
    ops.put("Constant", ElementwiseOps::constant);
  }

  private static void relu(ImportContext ctx, NodeProto node, NodeAttributes a) {
    a.allowOnly();
    clipTo(ctx, node, 0f, Float.POSITIVE_INFINITY);
  }

  private static void clip(ImportContext ctx, NodeProto node, NodeAttributes a) {
    float min;
    float max;
    if (ctx.opset < 11) {
      a.allowOnly("min", "max");
      min = a.f("min", Float.NEGATIVE_INFINITY);
      max = a.f("max", Float.POSITIVE_INFINITY);
    } else {
      a.allowOnly();
      Constant lo = ctx.optionalConstant(node, 1, "min");
      Constant hi = ctx.optionalConstant(node, 2, "max");
      min = lo == null ? Float.NEGATIVE_INFINITY : scalar(ctx, node, lo, "min");
      max = hi == null ? Float.POSITIVE_INFINITY : scalar(ctx, node, hi, "max");
    }
    clipTo(ctx, node, min, max);
  }

  private static float scalar(ImportContext ctx, NodeProto node, Constant c, String role) {
    if (c.size() != 1) {
      throw ctx.fail(node, role + " " + c.describeDims() + " is not a scalar");
    }
    return c.asFloats()[0];
  }

  private static void clipTo(ImportContext ctx, NodeProto node, float min, float max) {
    Value x = ctx.value(node, 0);
    ctx.emit(Convert.build(ctx, node, () -> new ClipLayer(ctx.layerName(node),
        Ports.of(x.info(), node.getOutput(0), x.shape()), min, max)));
    ctx.putValue(node.getOutput(0), new Value(node.getOutput(0), x.onnxDims()));
  }

  private static void arithmetic(ImportContext ctx, NodeProto node, NodeAttributes a, char op) {
    a.allowOnly();
    if (node.getInputCount() != 2) {
      throw ctx.fail(node, "expects 2 inputs");
    }
    boolean constFirst = ctx.isConstant(node.getInput(0));
    boolean constSecond = ctx.isConstant(node.getInput(1));
    if (!constFirst && !constSecond) {
      if (op == '+' && Arrays.equals(ctx.value(node, 0).onnxDims(), ctx.value(node, 1).onnxDims())) {
        residualAdd(ctx, node);
      } else {
        ActivationOps.broadcast(ctx, node, op);
      }
      return;
    }
    if (constFirst && constSecond) {
      ShapeFolding.fold(ctx, node, op);
      return;
    }
    if (constFirst && op == '/') {
      throw ctx.fail(node, "dividing a constant by an activation is not supported");
    }
    int xi = constFirst ? 1 : 0;
    Value x = ctx.value(node, xi);
    Constant c = ctx.constant(node, 1 - xi, "constant");
    int[] axisOut = new int[1];
    float[] v = channels(ctx, node, x, c, axisOut);
    float[] scale = new float[v.length];
    float[] shift = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      switch (op) {
        case '+' -> { scale[i] = 1f; shift[i] = v[i]; }
        case '-' -> { scale[i] = constFirst ? -1f : 1f; shift[i] = constFirst ? v[i] : -v[i]; }
        case '*' -> { scale[i] = v[i]; shift[i] = 0f; }
        default -> { scale[i] = 1f / v[i]; shift[i] = 0f; }
      }
    }
    Folding.affine(ctx, node, node.getInput(xi), x, axisOut[0], scale, shift);
  }

  /** The constant's values along the one IR axis it varies on (written to {@code axisOut}), or one value. */
  static float[] channels(ImportContext ctx, NodeProto node, Value x, Constant c, int[] axisOut) {
    long[] cd = c.dims();
    int[] xd = x.onnxDims();
    if (cd.length > xd.length) {
      throw ctx.fail(node, "constant " + c.describeDims() + " would broadcast " + x.describe() + " to a higher rank");
    }
    int varying = -1;
    for (int j = 0; j < cd.length; j++) {
      int axis = xd.length - cd.length + j;
      if (cd[j] == 1) {
        continue;
      }
      if (varying >= 0 || xd[axis] == Value.BATCH || cd[j] != xd[axis]) {
        throw ctx.fail(node, "constant " + c.describeDims() + " is not a scalar or per-channel operand of "
            + x.describe());
      }
      varying = axis;
    }
    axisOut[0] = varying < 0 ? 0 : x.irAxis(varying);
    float[] v = c.asFloats();
    return varying < 0 ? new float[] {v[0]} : v;
  }

  private static void residualAdd(ImportContext ctx, NodeProto node) {
    Value p = ctx.value(node, 0);
    Value q = ctx.value(node, 1);
    if (!Arrays.equals(p.onnxDims(), q.onnxDims())) {
      throw ctx.fail(node, "shape mismatch: " + p.describe() + " + " + q.describe()
          + " (broadcasting between activations is not supported)");
    }
    ctx.emit(Convert.build(ctx, node, () -> new AddLayer(ctx.layerName(node),
        new Ports(List.of(p.info(), q.info()), new TensorInfo(node.getOutput(0), p.shape())))));
    ctx.putValue(node.getOutput(0), new Value(node.getOutput(0), p.onnxDims()));
  }

  private static void softmax(ImportContext ctx, NodeProto node, NodeAttributes a) {
    a.allowOnly("axis");
    Value x = ctx.value(node, 0);
    boolean legacy = ctx.opset < 13;
    int axis = Convert.nonBatchAxis(ctx, node, x, a.i("axis", legacy ? 1 : -1));
    if (legacy && x.batchAxis() > axis) {
      throw ctx.fail(node, "softmax over axes that include the batch is not supported");
    }
    ctx.emit(Convert.build(ctx, node, () -> new SoftmaxLayer(ctx.layerName(node),
        Ports.of(x.info(), node.getOutput(0), x.shape()), x.irAxis(axis), legacy)));
    ctx.putValue(node.getOutput(0), new Value(node.getOutput(0), x.onnxDims()));
  }

  private static void passthrough(ImportContext ctx, NodeProto node, NodeAttributes a) {
    a.allowOnly("ratio", "seed", "is_test");
    if (node.getInputCount() > 2 && !node.getInput(2).isEmpty()) {
      Constant training = ctx.constant(node, 2, "training_mode");
      if (!training.allZero()) {
        throw ctx.fail(node, "training_mode=true is not supported");
      }
    }
    for (int k = 1; k < node.getOutputCount(); k++) {
      if (!node.getOutput(k).isEmpty() && ctx.readers(node.getOutput(k)) > 0) {
        throw ctx.fail(node, "the mask output is not supported");
      }
    }
    ctx.putValue(node.getOutput(0), ctx.value(node, 0));
  }

  private static void constant(ImportContext ctx, NodeProto node, NodeAttributes a) {
    a.allowOnly("value", "value_float", "value_floats", "value_int", "value_ints");
    Constant c;
    AttributeProto t = a.raw("value");
    try {
      if (t != null) {
        c = OnnxTensors.decode(t.getT());
      } else if (a.has("value_float")) {
        c = Constant.ofFloats(new long[0], new float[] {a.f("value_float", 0f)});
      } else if (a.has("value_floats")) {
        float[] f = a.floats("value_floats");
        c = Constant.ofFloats(new long[] {f.length}, f);
      } else if (a.has("value_int")) {
        c = Constant.ofLongs(new long[0], new long[] {a.i("value_int", 0)});
      } else if (a.has("value_ints")) {
        long[] l = a.ints("value_ints");
        c = Constant.ofLongs(new long[] {l.length}, l);
      } else {
        throw ctx.fail(node, "has no value attribute");
      }
    } catch (IllegalArgumentException e) {
      throw ctx.fail(node, "bad tensor: " + e.getMessage());
    }
    ctx.putConstant(node.getOutput(0), c);
  }
}
