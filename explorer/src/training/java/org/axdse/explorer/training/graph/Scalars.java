package org.axdse.explorer.training.graph;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Scalar operands for the differentiated graph. DJL's {@code NDArray.maximum(Number)}, {@code mul(Number)},
 * {@code div(Number)} and the rest wrap the number in a tensor over a Java direct buffer and close that tensor as
 * soon as the operation returns; an operation that keeps its operand for the backward pass (maximum, minimum, mul,
 * div) then reads, during {@code backward}, memory the garbage collector may already have freed. Same-seed
 * retrainings gave different gradients now and then (every time with a collection forced every few
 * milliseconds). A scalar from here lives in PyTorch's own, reference-counted memory.
 */
final class Scalars {
  private Scalars() {}

  /** A 0-dimensional tensor holding {@code value}, of {@code like}'s type, in {@code like}'s manager. */
  static NDArray of(NDArray like, double value) {
    return like.getManager().full(new Shape(), (float) value, like.getDataType());
  }
}
