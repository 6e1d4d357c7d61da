package org.axdse.simulator.model;

import java.util.List;

/**
 * One operation of a {@link Model}: it reads the tensors named in {@link #ports()} and writes one tensor. Layers
 * are immutable values; weight arrays are never modified after construction (callers must not modify the arrays
 * they pass in or get back).
 */
public sealed interface Layer
    permits ApproximableLayer, ClipLayer, AffineLayer, AddLayer, PoolLayer, ReshapeLayer, TransposeLayer,
        PadLayer, SliceLayer, ConcatLayer, SoftmaxLayer, UnaryLayer, BroadcastLayer, ResizeLayer {

  /** Unique within the model; for approximable layers, the name assignments refer to. */
  String name();

  Ports ports();

  /** A short word for the operation, such as {@code Conv} or {@code MaxPool}, for listings. */
  String kind();

  /** Multiply-accumulate operations per sample (the products an approximate multiplier would compute). */
  default long macsPerSample() {
    return 0;
  }

  /** Number of stored parameters (weights, biases, per-channel constants). */
  default long parameterCount() {
    return 0;
  }

  default boolean approximable() {
    return false;
  }

  default List<TensorInfo> inputs() {
    return ports().inputs();
  }

  /** The first (for most layers the only) input. */
  default TensorInfo input() {
    return ports().inputs().get(0);
  }

  default TensorInfo output() {
    return ports().output();
  }
}
