package org.axdse.simulator.model;

/**
 * Elementwise {@code a + b}, {@code a - b}, {@code a * b} or {@code a / b} of two activation tensors where
 * {@code b} broadcasts to {@code a}'s shape (NumPy rules restricted to what CNNs need: the same rank, each dimension
 * of {@code b} equal to {@code a}'s or 1), such as the squeeze-and-excitation gate {@code [C,H,W] * [C,1,1]} or
 * SiLU's {@code x * sigmoid(x)}. The output has {@code a}'s shape. An Add of two equal shapes is an
 * {@link AddLayer}.
 */
public record BroadcastLayer(String name, Ports ports, BinaryOp op) implements Layer {
  public BroadcastLayer {
    Checks.name(name);
    Checks.inputs(ports, 2, name);
    Checks.require(op != null, name, "no operation");
    Shape a = ports.inputs().get(0).shape();
    Shape b = ports.inputs().get(1).shape();
    Checks.require(broadcasts(b, a), name, "operand " + b + " does not broadcast to " + a);
    Checks.require(ports.output().shape().equals(a), name, "output shape " + ports.output().shape() + " is not " + a);
  }

  /** True when {@code b} has {@code a}'s rank and each of its dimensions is {@code a}'s or 1. */
  public static boolean broadcasts(Shape b, Shape a) {
    if (a.rank() != b.rank()) {
      return false;
    }
    for (int i = 0; i < a.rank(); i++) {
      if (b.dim(i) != a.dim(i) && b.dim(i) != 1) {
        return false;
      }
    }
    return true;
  }

  /**
   * For every element of one sample of the output (row-major), the index of the {@code b} element it reads:
   * {@code b}'s row-major strides with a stride 0 on every broadcast axis.
   */
  public int[] secondOperandIndex() {
    Shape a = input().shape();
    Shape b = inputs().get(1).shape();
    int[] strides = new int[a.rank()];
    int s = 1;
    for (int i = a.rank() - 1; i >= 0; i--) {
      strides[i] = b.dim(i) == 1 ? 0 : s;
      s *= b.dim(i);
    }
    int n = a.size();
    int[] index = new int[n];
    int[] pos = new int[a.rank()];
    int at = 0;
    for (int i = 0; i < n; i++) {
      index[i] = at;
      for (int d = a.rank() - 1; d >= 0; d--) {
        at += strides[d];
        if (++pos[d] < a.dim(d)) {
          break;
        }
        at -= strides[d] * pos[d];
        pos[d] = 0;
      }
    }
    return index;
  }

  @Override
  public String kind() {
    return op.onnx();
  }
}
