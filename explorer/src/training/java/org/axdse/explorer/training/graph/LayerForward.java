package org.axdse.explorer.training.graph;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;
import java.util.List;
import org.axdse.simulator.model.AffineLayer;
import org.axdse.simulator.model.ClipLayer;
import org.axdse.simulator.model.ConcatLayer;
import org.axdse.simulator.model.ConvLayer;
import org.axdse.simulator.model.PadLayer;
import org.axdse.simulator.model.PoolKind;
import org.axdse.simulator.model.PoolLayer;
import org.axdse.simulator.model.SliceLayer;
import org.axdse.simulator.model.SoftmaxLayer;
import org.axdse.simulator.model.TransposeLayer;
import org.axdse.simulator.model.Window;

/**
 * Differentiable NDArray versions of the layers without recurrence, on batch-first arrays ({@code [N, per-sample
 * shape]}), computing what {@link org.axdse.simulator.model.FloatExecutor} computes for the same layer.
 */
final class LayerForward {
  private LayerForward() {}

  static NDArray conv(ConvLayer l, NDArray x, NDArray w, NDArray b) {
    Window win = l.window();
    boolean symmetric = win.padTop() == win.padBottom() && win.padLeft() == win.padRight();
    NDArray in = symmetric ? x : x.pad(new Shape(win.padLeft(), win.padRight(), win.padTop(), win.padBottom()), 0);
    Shape pad = symmetric ? new Shape(win.padTop(), win.padLeft()) : new Shape(0, 0);
    return Conv2d.conv2d(in, w, b, new Shape(win.strideH(), win.strideW()), pad,
        new Shape(win.dilationH(), win.dilationW()), l.groups()).singletonOrThrow();
  }

  static NDArray dense(NDArray x, NDArray w, NDArray b) {
    return x.matMul(local(w.transpose(), x)).add(b);
  }

  /** {@code derived} (an array computed from a weight) managed with {@code anchor}, so it is freed with the batch. */
  static NDArray local(NDArray derived, NDArray anchor) {
    derived.attach(anchor.getManager());
    return derived;
  }

  static NDArray clip(ClipLayer l, NDArray x) {
    NDArray y = x;
    if (l.min() != Float.NEGATIVE_INFINITY) {
      y = y.maximum(Scalars.of(y, l.min()));
    }
    if (l.max() != Float.POSITIVE_INFINITY) {
      y = y.minimum(Scalars.of(y, l.max()));
    }
    return y;
  }

  static NDArray affine(AffineLayer l, NDArray x, NDArray scale, NDArray shift) {
    if (l.scale().length == 1) {
      return x.mul(scale).add(shift);
    }
    long[] dims = new long[(int) x.getShape().dimension()];
    java.util.Arrays.fill(dims, 1);
    dims[l.axis() + 1] = l.scale().length;
    Shape s = new Shape(dims);
    return x.mul(local(scale.reshape(s), x)).add(local(shift.reshape(s), x));
  }

  /**
   * Pooling over explicitly padded input: max pads with minus infinity; average divides the window sum by the
   * window size ({@code countIncludePad}) or by the number of in-bounds elements, as the float executor does.
   */
  static NDArray pool(PoolLayer l, NDArray x) {
    Window win = l.window();
    Shape kernel = new Shape(win.kH(), win.kW());
    Shape stride = new Shape(win.strideH(), win.strideW());
    Shape none = new Shape(0, 0);
    Shape pads = new Shape(win.padLeft(), win.padRight(), win.padTop(), win.padBottom());
    boolean padded = win.padTop() + win.padLeft() + win.padBottom() + win.padRight() > 0;
    if (l.pool() == PoolKind.MAX) {
      return Pool.maxPool2d(padded ? x.pad(pads, Double.NEGATIVE_INFINITY) : x, kernel, stride, none, false);
    }
    if (l.isGlobal()) {
      Shape s = x.getShape();
      return Pool.globalAvgPool2d(x).reshape(s.get(0), s.get(1), 1, 1);
    }
    if (!padded || l.countIncludePad()) {
      return Pool.avgPool2d(padded ? x.pad(pads, 0) : x, kernel, stride, none, false, true);
    }
    NDArray sums = Pool.avgPool2d(x.pad(pads, 0), kernel, stride, none, false, true);
    NDArray ones = x.getManager().ones(new Shape(1, 1, x.getShape().get(2), x.getShape().get(3)), x.getDataType());
    NDArray counts = Pool.avgPool2d(ones.pad(pads, 0), kernel, stride, none, false, true);
    return sums.div(counts);
  }

  static NDArray transpose(TransposeLayer l, NDArray x) {
    int[] perm = l.perm();
    int[] axes = new int[perm.length + 1];
    for (int i = 0; i < perm.length; i++) {
      axes[i + 1] = perm[i] + 1;
    }
    return x.transpose(axes);
  }

  static NDArray pad(PadLayer l, NDArray x) {
    int[] begin = l.begin();
    int[] end = l.end();
    long[] pads = new long[2 * begin.length];
    for (int i = 0; i < begin.length; i++) {
      int axis = begin.length - 1 - i;
      pads[2 * i] = begin[axis];
      pads[2 * i + 1] = end[axis];
    }
    return x.pad(new Shape(pads), l.value());
  }

  /** Strided selection per axis; a negative step reads the flipped axis with the positive step. */
  static NDArray slice(SliceLayer l, NDArray x) {
    int[] starts = l.starts();
    int[] steps = l.steps();
    int[] in = l.input().shape().dims();
    int[] out = l.output().shape().dims();
    NDArray y = x;
    for (int i = 0; i < starts.length; i++) {
      int start = starts[i];
      int step = steps[i];
      if (start == 0 && step == 1 && out[i] == in[i]) {
        continue;
      }
      if (step < 0) {
        y = y.flip(i + 1);
        start = in[i] - 1 - start;
        step = -step;
      }
      NDIndex index = new NDIndex().addAllDim(i + 1).addSliceDim(start, start + (long) (out[i] - 1) * step + 1, step);
      y = y.get(index);
    }
    return y;
  }

  static NDArray concat(ConcatLayer l, List<NDArray> xs) {
    return NDArrays.concat(new NDList(xs), l.axis() + 1);
  }

  static NDArray softmax(SoftmaxLayer l, NDArray x) {
    if (!l.toEnd()) {
      return x.softmax(l.axis() + 1);
    }
    Shape s = x.getShape();
    long outer = 1;
    for (int i = 0; i <= l.axis(); i++) {
      outer *= s.get(i);
    }
    return x.reshape(outer, -1).softmax(1).reshape(s);
  }
}
