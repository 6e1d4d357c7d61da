package org.axdse.simulator.onnx;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.axdse.simulator.model.BinaryOp;
import org.axdse.simulator.model.BroadcastLayer;
import org.axdse.simulator.model.PoolLayer;
import org.axdse.simulator.model.Ports;
import org.axdse.simulator.model.ReshapeLayer;
import org.axdse.simulator.model.Shape;
import org.axdse.simulator.model.TensorInfo;
import org.axdse.simulator.model.UnaryFunction;
import org.axdse.simulator.model.UnaryLayer;
import org.axdse.simulator.onnx.proto.OnnxSubset.NodeProto;

/**
 * Converters for the operators of edge CNNs beyond ReLU: the elementwise functions (Sigmoid, Tanh, HardSigmoid,
 * HardSwish, LeakyRelu, PRelu, Elu, Selu, Softplus, Erf), Add, Sub, Mul and Div of two activations with
 * broadcasting, and ReduceMean over the spatial axes (a global average pool).
 */
final class ActivationOps {
  private ActivationOps() {}

  static void register(Map<String, OpConverter> ops) {
    ops.put("Sigmoid", (c, n, a) -> plain(c, n, a, UnaryFunction.SIGMOID));
    ops.put("Tanh", (c, n, a) -> plain(c, n, a, UnaryFunction.TANH));
    ops.put("HardSwish", (c, n, a) -> plain(c, n, a, UnaryFunction.HARD_SWISH));
    ops.put("HardSigmoid", ActivationOps::hardSigmoid);
    ops.put("LeakyRelu", ActivationOps::leakyRelu);
    ops.put("PRelu", ActivationOps::prelu);
    ops.put("Softplus", (c, n, a) -> plain(c, n, a, UnaryFunction.SOFTPLUS));
    ops.put("Erf", (c, n, a) -> plain(c, n, a, UnaryFunction.ERF));
    ops.put("Elu", (c, n, a) -> {
      a.allowOnly("alpha");
      unary(c, n, UnaryFunction.ELU, 0, new float[] {a.f("alpha", 1f)}, 0f);
    });
    ops.put("Selu", (c, n, a) -> {
      a.allowOnly("alpha", "gamma");
      unary(c, n, UnaryFunction.SELU, 0, new float[] {a.f("alpha", 1.67326319217681884765625f)},
          a.f("gamma", 1.05070102214813232421875f));
    });
    ops.put("ReduceMean", ActivationOps::reduceMean);
  }

  private static void plain(ImportContext ctx, NodeProto node, NodeAttributes a, UnaryFunction f) {
    a.allowOnly();
    unary(ctx, node, f, 0, new float[] {0f}, 0f);
  }

  private static void hardSigmoid(ImportContext ctx, NodeProto node, NodeAttributes a) {
    a.allowOnly("alpha", "beta");
    unary(ctx, node, UnaryFunction.HARD_SIGMOID, 0, new float[] {a.f("alpha", 0.2f)}, a.f("beta", 0.5f));
  }

  private static void leakyRelu(ImportContext ctx, NodeProto node, NodeAttributes a) {
    a.allowOnly("alpha");
    unary(ctx, node, UnaryFunction.LEAKY_RELU, 0, new float[] {a.f("alpha", 0.01f)}, 0f);
  }

  private static void prelu(ImportContext ctx, NodeProto node, NodeAttributes a) {
    a.allowOnly();
    Value x = ctx.value(node, 0);
    Constant slope = ctx.constant(node, 1, "slope");
    int[] axis = new int[1];
    float[] v = ElementwiseOps.channels(ctx, node, x, slope, axis);
    unary(ctx, node, UnaryFunction.LEAKY_RELU, axis[0], v, 0f);
  }

  private static void unary(ImportContext ctx, NodeProto node, UnaryFunction f, int axis, float[] alpha,
      float beta) {
    Value x = ctx.value(node, 0);
    ctx.emit(Convert.build(ctx, node, () -> new UnaryLayer(ctx.layerName(node),
        Ports.of(x.info(), node.getOutput(0), x.shape()), f, axis, alpha, beta)));
    ctx.putValue(node.getOutput(0), new Value(node.getOutput(0), x.onnxDims()));
  }

  /**
   * Add or Mul of two activations whose shapes differ, or Sub, Mul or Div of two activations: the operand that
   * broadcasts goes second (Add and Mul commute; for Sub and Div only the second operand may broadcast).
   */
  static void broadcast(ImportContext ctx, NodeProto node, char op) {
    Value p = ctx.value(node, 0);
    Value q = ctx.value(node, 1);
    boolean aligned = p.rank() == q.rank() && p.batchAxis() == q.batchAxis();
    Value big;
    Value small;
    if (aligned && BroadcastLayer.broadcasts(q.shape(), p.shape())) {
      big = p;
      small = q;
    } else if (aligned && BroadcastLayer.broadcasts(p.shape(), q.shape())) {
      if (op == '-' || op == '/') {
        throw ctx.fail(node, "the first operand " + p.describe() + " broadcasts to the second " + q.describe()
            + " (supported for Add and Mul; for Sub and Div only the second operand may broadcast)");
      }
      big = q;
      small = p;
    } else {
      throw ctx.fail(node, "shape mismatch: operands " + p.describe() + " and " + q.describe()
          + " do not broadcast (supported: the same rank and batch axis, every dimension of one operand equal to the"
          + " other's or 1)");
    }
    BinaryOp binary = switch (op) {
      case '+' -> BinaryOp.ADD;
      case '-' -> BinaryOp.SUB;
      case '*' -> BinaryOp.MUL;
      default -> BinaryOp.DIV;
    };
    ctx.emit(Convert.build(ctx, node, () -> new BroadcastLayer(ctx.layerName(node),
        new Ports(List.of(big.info(), small.info()), new TensorInfo(node.getOutput(0), big.shape())), binary)));
    ctx.putValue(node.getOutput(0), new Value(node.getOutput(0), big.onnxDims()));
  }

  /** ReduceMean over the two spatial axes of a batch-first {@code [N,C,H,W]} tensor: a global average pool. */
  private static void reduceMean(ImportContext ctx, NodeProto node, NodeAttributes a) {
    long[] axes;
    if (ctx.opset < 18) {
      a.allowOnly("axes", "keepdims");
      axes = a.ints("axes");
    } else {
      a.allowOnly("keepdims", "noop_with_empty_axes");
      a.requireInt("noop_with_empty_axes", 0, 0);
      axes = Convert.optionalInts(ctx, node, 1, "axes");
    }
    long keep = a.requireInt("keepdims", 1, 0, 1);
    Value x = ctx.value(node, 0);
    Convert.requireBatchFirst(ctx, node, x, 4);
    long[] norm = axes == null ? null : Arrays.stream(axes).map(v -> v < 0 ? v + 4 : v).sorted().toArray();
    if (norm == null || !Arrays.equals(norm, new long[] {2, 3})) {
      throw ctx.fail(node, "unsupported attribute 'axes'=" + (axes == null ? "all" : Arrays.toString(axes))
          + " (only the spatial axes [2, 3] of [N, C, H, W])");
    }
    String out = node.getOutput(0);
    if (keep == 1) {
      Convert.emitBatchFirst(ctx, node, PoolLayer.globalAverage(ctx.layerName(node), x.info(), out));
      return;
    }
    PoolLayer pool = PoolLayer.globalAverage(ctx.layerName(node), x.info(), out + "/keepdims");
    ctx.emit(pool);
    Shape flat = Shape.of(x.shape().dim(0));
    Convert.emitBatchFirst(ctx, node, new ReshapeLayer(ctx.layerName(node), Ports.of(pool.output(), out, flat)));
  }
}
