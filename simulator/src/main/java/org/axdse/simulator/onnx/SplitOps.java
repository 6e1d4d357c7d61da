package org.axdse.simulator.onnx;

import java.util.Arrays;
import java.util.Map;
import org.axdse.simulator.model.Ports;
import org.axdse.simulator.model.SliceLayer;
import org.axdse.simulator.model.TensorInfo;
import org.axdse.simulator.onnx.proto.OnnxSubset.NodeProto;

/**
 * Split (ShuffleNetV2's {@code x.chunk(2, dim=1)}): one {@link SliceLayer} per output along a non-batch axis. The
 * sizes come from the {@code split} attribute (opset below 13), the {@code split} input (13 and later) or, absent
 * both, equal parts ({@code num_outputs} from opset 18, else the number of outputs).
 */
final class SplitOps {
  private SplitOps() {}

  static void register(Map<String, OpConverter> ops) {
    ops.put("Split", SplitOps::split);
  }

  private static void split(ImportContext ctx, NodeProto node, NodeAttributes a) {
    long[] sizes;
    if (ctx.opset < 13) {
      a.allowOnly("axis", "split");
      sizes = a.ints("split");
    } else {
      a.allowOnly("axis", "num_outputs");
      sizes = Convert.optionalInts(ctx, node, 1, "split");
    }
    Value x = ctx.value(node, 0);
    int axis = Convert.nonBatchAxis(ctx, node, x, a.i("axis", 0));
    int[] dims = x.onnxDims();
    int outputs = node.getOutputCount();
    int parts = Convert.toInt(ctx, node, a.i("num_outputs", outputs), "num_outputs");
    if (sizes == null) {
      if (parts != outputs || parts < 1 || dims[axis] % parts != 0) {
        throw ctx.fail(node, "cannot split " + x.describe() + " along axis " + axis + " into " + parts
            + " equal parts for " + outputs + " outputs");
      }
      sizes = new long[parts];
      Arrays.fill(sizes, dims[axis] / parts);
    }
    if (sizes.length != outputs || Arrays.stream(sizes).anyMatch(s -> s < 1)
        || Arrays.stream(sizes).sum() != dims[axis]) {
      throw ctx.fail(node, "unsupported attribute 'split'=" + Arrays.toString(sizes) + " for " + outputs
          + " outputs of axis " + axis + " of " + x.describe());
    }
    int ir = x.irAxis(axis);
    int rank = x.shape().rank();
    int start = 0;
    for (int k = 0; k < outputs; k++) {
      int[] outDims = dims.clone();
      outDims[axis] = (int) sizes[k];
      Value v = new Value(node.getOutput(k), outDims);
      int[] starts = new int[rank];
      starts[ir] = start;
      int[] steps = new int[rank];
      Arrays.fill(steps, 1);
      ctx.emit(Convert.build(ctx, node, () -> new SliceLayer(ctx.layerName(node),
          Ports.of(x.info(), new TensorInfo(v.irName(), v.shape())), starts, steps)));
      ctx.putValue(node.getOutput(k), v);
      start += (int) sizes[k];
    }
  }
}
