package org.axdse.simulator.onnx;

import java.util.Arrays;
import org.axdse.simulator.model.Shape;
import org.axdse.simulator.model.TensorInfo;

/**
 * An ONNX tensor during import: its ONNX dimensions with the batch position marked {@link #BATCH}, and the IR
 * tensor holding its data. The IR stores every tensor batch-first, so an ONNX tensor whose batch sits elsewhere
 * (a time-major sequence) has the same IR data as the batch-first one; moving only the batch axis costs nothing.
 */
record Value(String irName, int[] onnxDims) {
  static final int BATCH = -1;

  Value {
    onnxDims = onnxDims.clone();
    if (Arrays.stream(onnxDims).filter(d -> d == BATCH).count() != 1) {
      throw new IllegalArgumentException("value " + irName + " needs exactly one batch axis: "
          + Arrays.toString(onnxDims));
    }
  }

  @Override
  public int[] onnxDims() {
    return onnxDims.clone();
  }

  int rank() {
    return onnxDims.length;
  }

  int batchAxis() {
    for (int i = 0; i < onnxDims.length; i++) {
      if (onnxDims[i] == BATCH) {
        return i;
      }
    }
    throw new AssertionError();
  }

  /** The IR axis of ONNX axis {@code axis} (already non-negative, not the batch axis). */
  int irAxis(int axis) {
    return axis < batchAxis() ? axis : axis - 1;
  }

  Shape shape() {
    return Shape.of(Arrays.stream(onnxDims).filter(d -> d != BATCH).toArray());
  }

  TensorInfo info() {
    return new TensorInfo(irName, shape());
  }

  /** The ONNX dimensions with the batch axis removed, paired with a batch-first value. */
  static Value batchFirst(String irName, Shape shape) {
    int[] d = new int[shape.rank() + 1];
    d[0] = BATCH;
    System.arraycopy(shape.dims(), 0, d, 1, shape.rank());
    return new Value(irName, d);
  }

  String describe() {
    return Arrays.toString(onnxDims).replace("-1", "N");
  }
}
