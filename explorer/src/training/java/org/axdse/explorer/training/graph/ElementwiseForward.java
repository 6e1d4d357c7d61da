package org.axdse.explorer.training.graph;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import org.axdse.simulator.model.BroadcastLayer;
import org.axdse.simulator.model.UnaryLayer;

/**
 * Differentiable NDArray versions of {@link UnaryLayer} and {@link BroadcastLayer} on batch-first arrays, computing
 * what the float executor computes. PRelu's per-channel slopes are a trainable array of the graph, as in PyTorch;
 * a single slope (LeakyRelu) is a constant.
 */
final class ElementwiseForward {
  private ElementwiseForward() {}

  /**
   * {@code slopes}: the trainable per-channel slopes of a PRelu, or null. Every constant is a {@link Scalars}
   * tensor: DJL's number overloads would free operands the backward pass still reads.
   */
  static NDArray unary(UnaryLayer l, NDArray x, NDArray slopes) {
    float a = l.alpha()[0];
    NDArray zero = Scalars.of(x, 0);
    NDArray one = Scalars.of(x, 1);
    return switch (l.function()) {
      case SIGMOID -> one.div(x.neg().exp().add(one));
      case TANH -> x.tanh();
      case HARD_SIGMOID -> x.mul(Scalars.of(x, a)).add(Scalars.of(x, l.beta())).maximum(zero).minimum(one);
      case HARD_SWISH -> x.mul(x.add(Scalars.of(x, 3)).maximum(zero).minimum(Scalars.of(x, 6)))
          .div(Scalars.of(x, 6));
      case LEAKY_RELU -> x.maximum(zero).add(x.minimum(zero).mul(slopes == null ? Scalars.of(x, a)
          : perChannel(l, slopes, x)));
      case ELU -> x.maximum(zero).add(x.minimum(zero).exp().sub(one).mul(Scalars.of(x, a)));
      case SELU -> x.maximum(zero).add(x.minimum(zero).exp().sub(one).mul(Scalars.of(x, a)))
          .mul(Scalars.of(x, l.beta()));
      case SOFTPLUS -> x.maximum(zero).add(x.abs().neg().exp().add(one).log());
      case ERF -> x.erf();
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
    return switch (l.op()) {
      case ADD -> a.add(b);
      case SUB -> a.sub(b);
      case MUL -> a.mul(b);
      case DIV -> a.div(b);
    };
  }
}
