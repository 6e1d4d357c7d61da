package org.axdse.explorer.training.graph;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Map;
import org.axdse.simulator.model.Layer;

/**
 * What a {@link GraphNet} forward pass does to the weight matrices it reads and the tensors it writes: the
 * straight-through substitution of the simulator's values ({@link #substituting}), or the fake quantization and
 * noise of {@link ModelEmulation}. A returned array must have the shape of the one given.
 */
interface ForwardHook {
  /** The weight matrix ({@code layer/weight} of a convolution or dense layer) the layer computes with. */
  NDArray weight(Layer layer, NDArray w);

  /** The value the layer's output tensor takes, from {@code y} as the layer computed it from {@code inputs}. */
  NDArray output(Layer layer, List<NDArray> inputs, NDArray y);

  /** Each tensor in {@code substitutes} takes its value, {@code y + stopGradient(substitute - y)}. */
  static ForwardHook substituting(Map<String, NDArray> substitutes) {
    return new ForwardHook() {
      @Override
      public NDArray weight(Layer layer, NDArray w) {
        return w;
      }

      @Override
      public NDArray output(Layer layer, List<NDArray> inputs, NDArray y) {
        NDArray target = substitutes.get(layer.output().name());
        return target == null ? y : straightThrough(y, target);
      }
    };
  }

  /** {@code y + stopGradient(target - y)}: the target's value, the gradient of {@code y} (Bengio et al. 2013). */
  static NDArray straightThrough(NDArray y, NDArray target) {
    return y.add(target.reshape(y.getShape()).toType(y.getDataType(), false).sub(y).stopGradient());
  }
}
