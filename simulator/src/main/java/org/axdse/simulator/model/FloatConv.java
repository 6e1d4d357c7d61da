package org.axdse.simulator.model;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Float convolution and dense products for one sample. Convolution lowers each group to a matrix product with
 * im2col (a {@code [K, P]} patch matrix, K = inC/groups*kH*kW, P = outH*outW) and multiplies four output channels
 * at a time over two SIMD vectors of output positions (the Vector API), the hot loop of the float reference.
 */
final class FloatConv {
  private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

  private FloatConv() {}

  private static final ThreadLocal<float[]> SCRATCH = ThreadLocal.withInitial(() -> new float[0]);

  static void conv(ConvLayer l, float[] in, int inOff, float[] out, int outOff) {
    Shape is = l.input().shape();
    Shape os = l.output().shape();
    int h = is.dim(1);
    int w = is.dim(2);
    int oh = os.dim(1);
    int ow = os.dim(2);
    int cinG = l.inC() / l.groups();
    int coutG = l.outC() / l.groups();
    Window win = l.window();
    int k = cinG * win.kH() * win.kW();
    int p = oh * ow;
    boolean direct = win.kH() == 1 && win.kW() == 1 && win.strideH() == 1 && win.strideW() == 1
        && win.padTop() + win.padLeft() + win.padBottom() + win.padRight() == 0;
    float[] col = direct ? in : scratch(k * p);
    for (int g = 0; g < l.groups(); g++) {
      int groupIn = inOff + g * cinG * h * w;
      int colOff = direct ? groupIn : 0;
      if (!direct) {
        im2col(in, groupIn, cinG, h, w, win, oh, ow, col);
      }
      gemm(l.weights(), g * coutG * k, coutG, k, col, colOff, p, out, outOff + g * coutG * p, l.bias(), g * coutG);
    }
  }

  private static float[] scratch(int size) {
    float[] s = SCRATCH.get();
    if (s.length < size) {
      s = new float[size];
      SCRATCH.set(s);
    }
    return s;
  }

  static void im2col(float[] in, int inOff, int c, int h, int w, Window win, int oh, int ow, float[] col) {
    int row = 0;
    for (int ch = 0; ch < c; ch++) {
      for (int kh = 0; kh < win.kH(); kh++) {
        for (int kw = 0; kw < win.kW(); kw++, row++) {
          int rowOff = row * oh * ow;
          int dx = kw * win.dilationW() - win.padLeft();
          // output columns whose input column ow*stride+dx lies inside [0, w)
          int lo = Math.max(0, ceilDiv(-dx, win.strideW()));
          int hi = Math.min(ow, ceilDiv(w - dx, win.strideW()));
          for (int y = 0; y < oh; y++) {
            int iy = y * win.strideH() - win.padTop() + kh * win.dilationH();
            int o = rowOff + y * ow;
            if (iy < 0 || iy >= h || lo >= hi) {
              java.util.Arrays.fill(col, o, o + ow, 0f);
              continue;
            }
            java.util.Arrays.fill(col, o, o + lo, 0f);
            java.util.Arrays.fill(col, o + hi, o + ow, 0f);
            int src = inOff + (ch * h + iy) * w + dx;
            if (win.strideW() == 1) {
              System.arraycopy(in, src + lo, col, o + lo, hi - lo);
            } else {
              for (int x = lo; x < hi; x++) {
                col[o + x] = in[src + x * win.strideW()];
              }
            }
          }
        }
      }
    }
  }

  private static int ceilDiv(int a, int b) {
    return -Math.floorDiv(-a, b);
  }

  /**
   * {@code c[m][p] = bias[m] + sum_k a[m][k] * b[k][p]} for row-major blocks at the given offsets. A tile of four
   * rows by two vectors of columns stays in registers for the whole sum over k; every output element is
   * accumulated in k order, so results do not depend on the tiling.
   */
  static void gemm(float[] a, int aOff, int m, int k, float[] b, int bOff, int p, float[] c, int cOff,
      float[] bias, int biasOff) {
    int v = F.length();
    int i = 0;
    for (; i + 4 <= m; i += 4) {
      int a0 = aOff + i * k;
      int j = 0;
      for (; j + 2 * v <= p; j += 2 * v) {
        FloatVector c00 = FloatVector.broadcast(F, bias[biasOff + i]);
        FloatVector c10 = FloatVector.broadcast(F, bias[biasOff + i + 1]);
        FloatVector c20 = FloatVector.broadcast(F, bias[biasOff + i + 2]);
        FloatVector c30 = FloatVector.broadcast(F, bias[biasOff + i + 3]);
        FloatVector c01 = c00;
        FloatVector c11 = c10;
        FloatVector c21 = c20;
        FloatVector c31 = c30;
        for (int kk = 0, bo = bOff + j; kk < k; kk++, bo += p) {
          FloatVector b0 = FloatVector.fromArray(F, b, bo);
          FloatVector b1 = FloatVector.fromArray(F, b, bo + v);
          FloatVector w0 = FloatVector.broadcast(F, a[a0 + kk]);
          FloatVector w1 = FloatVector.broadcast(F, a[a0 + k + kk]);
          FloatVector w2 = FloatVector.broadcast(F, a[a0 + 2 * k + kk]);
          FloatVector w3 = FloatVector.broadcast(F, a[a0 + 3 * k + kk]);
          c00 = b0.fma(w0, c00);
          c01 = b1.fma(w0, c01);
          c10 = b0.fma(w1, c10);
          c11 = b1.fma(w1, c11);
          c20 = b0.fma(w2, c20);
          c21 = b1.fma(w2, c21);
          c30 = b0.fma(w3, c30);
          c31 = b1.fma(w3, c31);
        }
        int o = cOff + i * p + j;
        c00.intoArray(c, o);
        c01.intoArray(c, o + v);
        c10.intoArray(c, o + p);
        c11.intoArray(c, o + p + v);
        c20.intoArray(c, o + 2 * p);
        c21.intoArray(c, o + 2 * p + v);
        c30.intoArray(c, o + 3 * p);
        c31.intoArray(c, o + 3 * p + v);
      }
      for (int r = i; r < i + 4; r++) {
        scalarRow(a, aOff + r * k, k, b, bOff, p, j, c, cOff + r * p, bias[biasOff + r]);
      }
    }
    for (; i < m; i++) {
      scalarRow(a, aOff + i * k, k, b, bOff, p, 0, c, cOff + i * p, bias[biasOff + i]);
    }
  }

  /** Columns [from, p) of one output row, accumulated in k order like the vector tiles. */
  private static void scalarRow(float[] a, int aRow, int k, float[] b, int bOff, int p, int from, float[] c,
      int cRow, float bias) {
    for (int j = from; j < p; j++) {
      float s = bias;
      for (int kk = 0; kk < k; kk++) {
        s = Math.fma(a[aRow + kk], b[bOff + kk * p + j], s);
      }
      c[cRow + j] = s;
    }
  }

  /** {@code y[r][o] = bias[o] + sum_i w[o][i] * x[r][i]} for every row of one sample. */
  static void dense(DenseLayer l, float[] in, int inOff, float[] out, int outOff) {
    int nIn = l.inFeatures();
    int nOut = l.outFeatures();
    float[] wt = l.weights();
    for (int r = 0, rows = l.rows(); r < rows; r++) {
      int x = inOff + r * nIn;
      int y = outOff + r * nOut;
      for (int o = 0; o < nOut; o++) {
        out[y + o] = l.bias()[o] + dot(wt, o * nIn, in, x, nIn);
      }
    }
  }

  static float dot(float[] a, int aOff, float[] b, int bOff, int n) {
    float s = 0f;
    for (int i = 0; i < n; i++) {
      s += a[aOff + i] * b[bOff + i];
    }
    return s;
  }
}
