package org.axdse.explorer.training.graph;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import org.axdse.simulator.model.BinaryOp;
import org.axdse.simulator.model.BroadcastLayer;
import org.axdse.simulator.model.UnaryLayer;

/**
 * Differentiable NDArray versions of {@link UnaryLayer} and {@link BroadcastLayer} on batch-first arrays, computing
 * what the float executor computes. PRelu's per-channel slopes are a trainable array of the graph, as in PyTorch;
 * a single slope (LeakyRelu) is a constant.
 */
final class ElementwiseForward {
  private ElementwiseForward() {}

  /** {@code slopes}: the trainable per-channel slopes of a PRelu, or null. */
  static NDArray unary(UnaryLayer l, NDArray x, NDArray slopes) {
    float a = l.alpha()[0];
    return switch (l.function()) {
      case SIGMOID -> x.neg().exp().add(1).pow(-1);
      case TANH -> x.tanh();
      case HARD_SIGMOID -> x.mul(a).add(l.beta()).maximum(0).minimum(1);
      case HARD_SWISH -> x.mul(x.add(3).maximum(0).minimum(6)).div(6);
      case LEAKY_RELU -> x.maximum(0).add(slopes == null ? x.minimum(0).mul(a)
          : x.minimum(0).mul(perChannel(l, slopes, x)));
      case ELU -> x.maximum(0).add(x.minimum(0).exp().sub(1).mul(a));
      case SELU -> x.maximum(0).add(x.minimum(0).exp().sub(1).mul(a)).mul(l.beta());
      case SOFTPLUS -> x.maximum(0).add(x.abs().neg().exp().add(1).log());
    };
  }

  /** The slopes shaped to broadcast along the layer's axis of {@code x}. */
  private static NDArray perChannel(UnaryLayer l, NDArray slopes, NDArray x) {
    long[] dims = new long[(int) x.getShape().dimension()];
    Arrays.fill(dims, 1);
    dims[l.axis() + 1] = l.alpha().length;
    return LayerForward.local(slopes.reshape(new Shape(dims)), x);
  }

  static NDArray broadcast(BroadcastLayer l, NDArray a, NDArray b) {
    return l.op() == BinaryOp.ADD ? a.add(b) : a.mul(b);
  }
}
