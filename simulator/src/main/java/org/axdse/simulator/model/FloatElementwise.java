package org.axdse.simulator.model;

/** Float kernels of {@link UnaryLayer} and {@link BroadcastLayer}, each for one sample at the given offsets. */
final class FloatElementwise {
  private FloatElementwise() {}

  static void unary(UnaryLayer l, float[] in, int inOff, float[] out, int outOff, int n) {
    UnaryFunction f = l.function();
    float beta = l.beta();
    for (int i = 0; i < n; i++) {
      out[outOff + i] = f.applyFloat(in[inOff + i], l.alphaAt(i), beta);
    }
  }

  static void broadcast(BroadcastLayer l, float[] a, float[] b, int sample, float[] out, int outOff, int n) {
    int[] index = l.secondOperandIndex();
    int bOff = sample * l.inputs().get(1).shape().size();
    BinaryOp op = l.op();
    for (int i = 0; i < n; i++) {
      out[outOff + i] = op.applyFloat(a[outOff + i], b[bOff + index[i]]);
    }
  }
}
