package org.axdse.explorer.training.graph;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import org.axdse.simulator.model.BinaryOp;
import org.axdse.simulator.model.BroadcastLayer;
import org.axdse.simulator.model.UnaryLayer;

/**
 * Differentiable NDArray versions of {@link UnaryLayer} and {@link BroadcastLayer} on batch-first arrays, computing
 * what the float executor computes. PRelu's slopes are constants of the graph (not trained).
 */
final class ElementwiseForward {
  private ElementwiseForward() {}

  static NDArray unary(UnaryLayer l, NDArray x) {
    float a = l.alpha()[0];
    return switch (l.function()) {
      case SIGMOID -> x.neg().exp().add(1).pow(-1);
      case TANH -> x.tanh();
      case HARD_SIGMOID -> x.mul(a).add(l.beta()).maximum(0).minimum(1);
      case HARD_SWISH -> x.mul(x.add(3).maximum(0).minimum(6)).div(6);
      case LEAKY_RELU -> x.maximum(0).add(x.minimum(0).mul(slopes(l, x)));
    };
  }

  /** The slope as a scalar array, or shaped to broadcast along the layer's axis. */
  private static NDArray slopes(UnaryLayer l, NDArray x) {
    long[] dims = new long[(int) x.getShape().dimension()];
    Arrays.fill(dims, 1);
    if (l.alpha().length > 1) {
      dims[l.axis() + 1] = l.alpha().length;
    }
    NDArray s = x.getManager().create(l.alpha(), new Shape(dims)).toType(x.getDataType(), false);
    return LayerForward.local(s, x);
  }

  static NDArray broadcast(BroadcastLayer l, NDArray a, NDArray b) {
    return l.op() == BinaryOp.ADD ? a.add(b) : a.mul(b);
  }
}
