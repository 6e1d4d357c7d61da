package org.axdse.simulator.onnx;

import java.util.Map;
import org.axdse.simulator.model.DenseLayer;
import org.axdse.simulator.model.Ports;
import org.axdse.simulator.model.Shape;
import org.axdse.simulator.onnx.proto.OnnxSubset.NodeProto;

/** Converters for Gemm and MatMul with a constant right operand, both becoming a {@link DenseLayer}. */
final class DenseOps {
  private DenseOps() {}

  static void register(Map<String, OpConverter> ops) {
    ops.put("Gemm", DenseOps::gemm);
    ops.put("MatMul", DenseOps::matMul);
  }

  /** Y = alpha * A * op(B) + beta * C with A the activations [N, K]. */
  private static void gemm(ImportContext ctx, NodeProto node, NodeAttributes a) {
    a.allowOnly("alpha", "beta", "transA", "transB");
    a.requireInt("transA", 0, 0);
    boolean transB = a.requireInt("transB", 0, 0, 1) == 1;
    Value x = ctx.value(node, 0);
    Convert.requireBatchFirst(ctx, node, x, 2);
    Constant b = ctx.constant(node, 1, "B");
    Constant c = ctx.optionalConstant(node, 2, "C");
    if (b.rank() != 2) {
      throw ctx.fail(node, "B " + b.describeDims() + " is not a matrix");
    }
    long[] bd = b.dims();
    int k = (int) (transB ? bd[1] : bd[0]);
    int n = (int) (transB ? bd[0] : bd[1]);
    if (k != x.shape().dim(0)) {
      throw ctx.fail(node, "shape mismatch: input " + x.describe() + " times B " + b.describeDims()
          + (transB ? " transposed" : ""));
    }
    float alpha = a.f("alpha", 1f);
    float beta = a.f("beta", 1f);
    float[] bv = b.asFloats();
    float[] w = new float[n * k];
    for (int o = 0; o < n; o++) {
      for (int i = 0; i < k; i++) {
        w[o * k + i] = alpha * (transB ? bv[o * k + i] : bv[i * n + o]);
      }
    }
    float[] bias = new float[n];
    if (c != null) {
      float[] cv = c.asFloats();
      long[] cd = c.dims();
      boolean perOutput = cv.length == n && (cd.length == 1 || (cd.length == 2 && cd[0] == 1));
      if (!perOutput && cv.length != 1) {
        throw ctx.fail(node, "C " + c.describeDims() + " must broadcast as one value or one per output column");
      }
      for (int o = 0; o < n; o++) {
        bias[o] = beta * (cv.length == 1 ? cv[0] : cv[o]);
      }
    }
    Convert.emitBatchFirst(ctx, node, Convert.build(ctx, node, () -> new DenseLayer(ctx.layerName(node),
        Ports.of(x.info(), node.getOutput(0), Shape.of(n)), k, n, w, bias)));
  }

  /** Activations [..., K] times a constant [K, N]; the bias of a following Add is folded in later. */
  private static void matMul(ImportContext ctx, NodeProto node, NodeAttributes a) {
    a.allowOnly();
    Value x = ctx.value(node, 0);
    Constant b = ctx.constant(node, 1, "B");
    if (b.rank() != 2) {
      throw ctx.fail(node, "B " + b.describeDims() + " is not a matrix");
    }
    if (x.batchAxis() == x.rank() - 1 || x.rank() < 2) {
      throw ctx.fail(node, "input " + x.describe() + " has the batch on its last axis");
    }
    int k = (int) b.dims()[0];
    int n = (int) b.dims()[1];
    Shape in = x.shape();
    if (in.dim(in.rank() - 1) != k) {
      throw ctx.fail(node, "shape mismatch: input " + x.describe() + " times B " + b.describeDims());
    }
    float[] bv = b.asFloats();
    float[] w = new float[n * k];
    for (int o = 0; o < n; o++) {
      for (int i = 0; i < k; i++) {
        w[o * k + i] = bv[i * n + o];
      }
    }
    int[] dims = x.onnxDims();
    dims[dims.length - 1] = n;
    Shape outShape = in.with(in.rank() - 1, n);
    Convert.emit(ctx, node, Convert.build(ctx, node, () -> new DenseLayer(ctx.layerName(node),
        Ports.of(x.info(), node.getOutput(0), outShape), k, n, w, new float[n])), dims);
  }
}
