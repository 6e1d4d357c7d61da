package org.axdse.simulator.model;

import java.util.Arrays;
import java.util.List;

/** Float kernels of the layers without weight products, each for one sample at the given offsets. */
final class FloatOps {
  private FloatOps() {}

  static void clip(ClipLayer l, float[] in, int inOff, float[] out, int outOff, int n) {
    float lo = l.min();
    float hi = l.max();
    for (int i = 0; i < n; i++) {
      out[outOff + i] = Math.min(Math.max(in[inOff + i], lo), hi);
    }
  }

  static void affine(AffineLayer l, float[] in, int inOff, float[] out, int outOff, int n) {
    int inner = l.innerSize();
    int channels = l.scale().length;
    for (int i = 0; i < n; i++) {
      int c = (i / inner) % channels;
      out[outOff + i] = in[inOff + i] * l.scale()[c] + l.shift()[c];
    }
  }

  static void add(float[] a, float[] b, int off, float[] out, int n) {
    for (int i = off; i < off + n; i++) {
      out[i] = a[i] + b[i];
    }
  }

  static void pool(PoolLayer l, float[] in, int inOff, float[] out, int outOff) {
    Shape is = l.input().shape();
    Shape os = l.output().shape();
    int h = is.dim(1);
    int w = is.dim(2);
    Window win = l.window();
    boolean max = l.pool() == PoolKind.MAX;
    int full = win.kH() * win.kW();
    int o = outOff;
    for (int c = 0; c < is.dim(0); c++) {
      int plane = inOff + c * h * w;
      for (int y = 0; y < os.dim(1); y++) {
        int y0 = y * win.strideH() - win.padTop();
        int ya = Math.max(0, y0);
        int yb = Math.min(h, y0 + win.kH());
        for (int x = 0; x < os.dim(2); x++) {
          int x0 = x * win.strideW() - win.padLeft();
          int xa = Math.max(0, x0);
          int xb = Math.min(w, x0 + win.kW());
          float acc = max ? Float.NEGATIVE_INFINITY : 0f;
          for (int iy = ya; iy < yb; iy++) {
            for (int ix = xa; ix < xb; ix++) {
              float v = in[plane + iy * w + ix];
              acc = max ? Math.max(acc, v) : acc + v;
            }
          }
          if (!max) {
            int count = l.countIncludePad() ? full : (yb - ya) * (xb - xa);
            acc /= count;
          }
          out[o++] = acc;
        }
      }
    }
  }

  static void transpose(TransposeLayer l, float[] in, int inOff, float[] out, int outOff) {
    int[] inStrides = StridedCopy.strides(l.input().shape().dims());
    int[] perm = l.perm();
    int[] src = new int[perm.length];
    for (int i = 0; i < perm.length; i++) {
      src[i] = inStrides[perm[i]];
    }
    int[] dims = l.output().shape().dims();
    StridedCopy.copy(in, inOff, src, out, outOff, StridedCopy.strides(dims), dims);
  }

  static void pad(PadLayer l, float[] in, int inOff, float[] out, int outOff, int n) {
    Arrays.fill(out, outOff, outOff + n, l.value());
    int[] outStrides = StridedCopy.strides(l.output().shape().dims());
    int[] begin = l.begin();
    int dst = outOff;
    for (int i = 0; i < begin.length; i++) {
      dst += begin[i] * outStrides[i];
    }
    int[] dims = l.input().shape().dims();
    StridedCopy.copy(in, inOff, StridedCopy.strides(dims), out, dst, outStrides, dims);
  }

  static void slice(SliceLayer l, float[] in, int inOff, float[] out, int outOff) {
    int[] inStrides = StridedCopy.strides(l.input().shape().dims());
    int[] starts = l.starts();
    int[] steps = l.steps();
    int src = inOff;
    int[] strides = new int[starts.length];
    for (int i = 0; i < starts.length; i++) {
      src += starts[i] * inStrides[i];
      strides[i] = steps[i] * inStrides[i];
    }
    int[] dims = l.output().shape().dims();
    StridedCopy.copy(in, src, strides, out, outOff, StridedCopy.strides(dims), dims);
  }

  static void resize(ResizeLayer l, float[] in, int inOff, float[] out, int outOff) {
    Shape s = l.output().shape();
    Shape r = l.input().shape();
    int o = outOff;
    for (int c = 0; c < s.dim(0); c++) {
      for (int y = 0; y < s.dim(1); y++) {
        int row = inOff + (c * r.dim(1) + l.source(1, y)) * r.dim(2);
        for (int x = 0; x < s.dim(2); x++) {
          out[o++] = in[row + l.source(2, x)];
        }
      }
    }
  }

  static void concat(ConcatLayer l, List<float[]> ins, int sample, float[] out, int outOff) {
    int[] outStrides = StridedCopy.strides(l.output().shape().dims());
    int along = 0;
    for (int k = 0; k < ins.size(); k++) {
      int[] dims = l.inputs().get(k).shape().dims();
      int size = l.inputs().get(k).shape().size();
      StridedCopy.copy(ins.get(k), sample * size, StridedCopy.strides(dims), out,
          outOff + along * outStrides[l.axis()], outStrides, dims);
      along += dims[l.axis()];
    }
  }

  static void softmax(SoftmaxLayer l, float[] in, int inOff, float[] out, int outOff) {
    Shape s = l.input().shape();
    int outer = s.size(0, l.axis());
    int len = l.toEnd() ? s.size(l.axis(), s.rank()) : s.dim(l.axis());
    int inner = l.toEnd() ? 1 : s.size(l.axis() + 1, s.rank());
    for (int a = 0; a < outer; a++) {
      for (int b = 0; b < inner; b++) {
        int base = a * len * inner + b;
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < len; i++) {
          max = Math.max(max, in[inOff + base + i * inner]);
        }
        double sum = 0;
        for (int i = 0; i < len; i++) {
          float e = (float) Math.exp(in[inOff + base + i * inner] - max);
          out[outOff + base + i * inner] = e;
          sum += e;
        }
        for (int i = 0; i < len; i++) {
          out[outOff + base + i * inner] = (float) (out[outOff + base + i * inner] / sum);
        }
      }
    }
  }
}
