package org.axdse.simulator.onnx;

import java.util.Map;
import org.axdse.simulator.model.ConvLayer;
import org.axdse.simulator.model.PadLayer;
import org.axdse.simulator.model.PoolKind;
import org.axdse.simulator.model.PoolLayer;
import org.axdse.simulator.model.Ports;
import org.axdse.simulator.model.Shape;
import org.axdse.simulator.model.Window;
import org.axdse.simulator.onnx.proto.OnnxSubset.NodeProto;

/** Converters for Conv, the pools and BatchNormalization. */
final class ConvOps {
  private ConvOps() {}

  static void register(Map<String, OpConverter> ops) {
    ops.put("Conv", ConvOps::conv);
    ops.put("MaxPool", (c, n, a) -> pool(c, n, a, PoolKind.MAX));
    ops.put("AveragePool", (c, n, a) -> pool(c, n, a, PoolKind.AVERAGE));
    ops.put("GlobalAveragePool", ConvOps::globalAveragePool);
    ops.put("BatchNormalization", ConvOps::batchNorm);
  }

  private static void conv(ImportContext ctx, NodeProto node, NodeAttributes a) {
    a.allowOnly("auto_pad", "dilations", "group", "kernel_shape", "pads", "strides");
    Value x = ctx.value(node, 0);
    Constant w = ctx.constant(node, 1, "W");
    Constant b = ctx.optionalConstant(node, 2, "B");
    Convert.requireBatchFirst(ctx, node, x, 4);
    if (w.rank() != 4) {
      throw ctx.fail(node, "weights " + w.describeDims() + " are not [outC, inC/group, kH, kW]");
    }
    long[] wd = w.dims();
    long[] ks = a.ints("kernel_shape");
    if (ks != null && (ks.length != 2 || ks[0] != wd[2] || ks[1] != wd[3])) {
      throw ctx.fail(node, "shape mismatch: kernel_shape differs from weights " + w.describeDims());
    }
    Shape in = x.shape();
    int groups = Convert.toInt(ctx, node, a.i("group", 1), "group");
    int outC = (int) wd[0];
    if (groups < 1 || wd[1] * groups != in.dim(0)) {
      throw ctx.fail(node, "shape mismatch: weights " + w.describeDims() + " with group " + groups
          + " do not fit input channels " + in.dim(0));
    }
    Window win = Convert.window(ctx, node, a, (int) wd[2], (int) wd[3], in.dim(1), in.dim(2));
    float[] bias = b == null ? new float[outC] : b.asFloats();
    Shape outShape = Shape.of(outC, win.outH(in.dim(1)), win.outW(in.dim(2)));
    Convert.emitBatchFirst(ctx, node, Convert.build(ctx, node, () -> new ConvLayer(ctx.layerName(node),
        Ports.of(x.info(), node.getOutput(0), outShape), in.dim(0), outC, win, groups, w.asFloats(), bias)));
  }

  private static void pool(ImportContext ctx, NodeProto node, NodeAttributes a, PoolKind kind) {
    if (kind == PoolKind.MAX) {
      a.allowOnly("auto_pad", "ceil_mode", "dilations", "kernel_shape", "pads", "strides", "storage_order");
      a.requireInt("storage_order", 0, 0);
      if (node.getOutputCount() > 1 && !node.getOutput(1).isEmpty() && ctx.readers(node.getOutput(1)) > 0) {
        throw ctx.fail(node, "the Indices output is not supported");
      }
    } else {
      a.allowOnly("auto_pad", "ceil_mode", "count_include_pad", "dilations", "kernel_shape", "pads", "strides");
    }
    boolean ceil = a.requireInt("ceil_mode", 0, 0, 1) == 1;
    long[] dil = a.ints("dilations");
    if (dil != null && (dil.length != 2 || dil[0] != 1 || dil[1] != 1)) {
      throw ctx.fail(node, "unsupported attribute 'dilations' (pooling without dilation only)");
    }
    Value x = ctx.value(node, 0);
    Convert.requireBatchFirst(ctx, node, x, 4);
    long[] ks = a.ints("kernel_shape");
    if (ks == null || ks.length != 2) {
      throw ctx.fail(node, "needs a 2-D kernel_shape");
    }
    Shape in = x.shape();
    Window floor = Convert.window(ctx, node, a, Convert.toInt(ctx, node, ks[0], "kernel"),
        Convert.toInt(ctx, node, ks[1], "kernel"), in.dim(1), in.dim(2));
    Window win = ceil ? CeilMode.extend(floor, in.dim(1), in.dim(2)) : floor;
    boolean includePad = a.requireInt("count_include_pad", 0, 0, 1) == 1;
    if (ceil && kind == PoolKind.AVERAGE && includePad && CeilMode.padded(floor)) {
      String name = ctx.layerName(node);
      PadLayer pad = CeilMode.declaredPadding(name + "/pad", x.info(), node.getOutput(0) + "/padded", floor);
      ctx.emit(pad);
      Window rest = CeilMode.beyondPadding(floor, win);
      Shape padded = pad.output().shape();
      Shape outShape = Shape.of(in.dim(0), rest.outH(padded.dim(1)), rest.outW(padded.dim(2)));
      Convert.emitBatchFirst(ctx, node, Convert.build(ctx, node, () -> new PoolLayer(name,
          Ports.of(pad.output(), node.getOutput(0), outShape), kind, rest, false)));
      return;
    }
    boolean countPad = includePad && !ceil;
    Shape outShape = Shape.of(in.dim(0), win.outH(in.dim(1)), win.outW(in.dim(2)));
    Convert.emitBatchFirst(ctx, node, Convert.build(ctx, node, () -> new PoolLayer(ctx.layerName(node),
        Ports.of(x.info(), node.getOutput(0), outShape), kind, win, countPad)));
  }

  private static void globalAveragePool(ImportContext ctx, NodeProto node, NodeAttributes a) {
    a.allowOnly();
    Value x = ctx.value(node, 0);
    Convert.requireBatchFirst(ctx, node, x, 4);
    Convert.emitBatchFirst(ctx, node, Convert.build(ctx, node,
        () -> PoolLayer.globalAverage(ctx.layerName(node), x.info(), node.getOutput(0))));
  }

  private static void batchNorm(ImportContext ctx, NodeProto node, NodeAttributes a) {
    a.allowOnly("epsilon", "momentum", "spatial", "training_mode");
    a.requireInt("spatial", 1, 1);
    a.requireInt("training_mode", 0, 0);
    for (int k = 1; k < node.getOutputCount(); k++) {
      if (!node.getOutput(k).isEmpty() && ctx.readers(node.getOutput(k)) > 0) {
        throw ctx.fail(node, "training outputs (running mean and variance) are not supported");
      }
    }
    Value x = ctx.value(node, 0);
    if (x.batchAxis() != 0 || x.rank() < 2) {
      throw ctx.fail(node, "input " + x.describe() + " is not batch-first [N, C, ...]");
    }
    int channels = x.shape().dim(0);
    float[] gamma = ctx.constant(node, 1, "scale").asFloats();
    float[] beta = ctx.constant(node, 2, "B").asFloats();
    float[] mean = ctx.constant(node, 3, "input_mean").asFloats();
    float[] var = ctx.constant(node, 4, "input_var").asFloats();
    if (gamma.length != channels || beta.length != channels || mean.length != channels || var.length != channels) {
      throw ctx.fail(node, "shape mismatch: parameters do not have " + channels + " channels");
    }
    double eps = a.f("epsilon", 1e-5f);
    float[] scale = new float[channels];
    float[] shift = new float[channels];
    for (int c = 0; c < channels; c++) {
      double s = gamma[c] / Math.sqrt(var[c] + eps);
      scale[c] = (float) s;
      shift[c] = (float) (beta[c] - mean[c] * s);
    }
    Folding.affine(ctx, node, node.getInput(0), x, 0, scale, shift);
  }
}
