package org.axdse.simulator.engine;

import java.util.List;
import org.axdse.simulator.model.ConcatLayer;
import org.axdse.simulator.model.Layer;
import org.axdse.simulator.model.PadLayer;
import org.axdse.simulator.model.ResizeLayer;
import org.axdse.simulator.model.Shape;
import org.axdse.simulator.model.SliceLayer;
import org.axdse.simulator.model.TransposeLayer;
import org.axdse.simulator.quant.QuantParams;

/**
 * Layers that only move codes, on sample-major tensors: Reshape (a copy), Transpose, Slice, Pad (new elements get
 * the code of the pad value, the zero point for 0), nearest Resize (repeated codes) and Concat. Each output element
 * of a sample reads one element of one input, found once at compile time. Concat inputs whose parameters differ
 * from the output's are requantized to the common output scale through a 256-entry lookup table per input.
 */
final class GatherStep implements Step {
  private final int[] inputs;
  private final int out;
  private final int[] inPer;
  private final int outPer;
  private final int[] srcInput;
  private final int[] srcOffset;
  private final byte[][] luts;
  private final byte padCode;
  private final boolean copy;

  private GatherStep(int[] inputs, int out, int[] inPer, int outPer, int[] srcInput, int[] srcOffset, byte[][] luts,
      byte padCode, boolean copy) {
    this.inputs = inputs;
    this.out = out;
    this.inPer = inPer;
    this.outPer = outPer;
    this.srcInput = srcInput;
    this.srcOffset = srcOffset;
    this.luts = luts;
    this.padCode = padCode;
    this.copy = copy;
  }

  /** A reshape: the same codes in the same order. */
  static GatherStep reshape(int in, int out, int perSample) {
    return new GatherStep(new int[] {in}, out, new int[] {perSample}, perSample, null, null, new byte[1][], (byte) 0,
        true);
  }

  /** Transpose, Slice, Pad or Resize of tensor {@code in}; {@code p} are the (shared) input and output parameters. */
  static GatherStep move(Layer l, int in, int out, QuantParams p) {
    int[] inDims = l.input().shape().dims();
    int[] inStrides = strides(inDims);
    int[] outDims = l.output().shape().dims();
    int n = l.output().shape().size();
    int[] src = new int[n];
    int[] which = new int[n];
    int[] idx = new int[outDims.length];
    for (int j = 0; j < n; j++) {
      int off = 0;
      for (int a = 0; a < idx.length && off >= 0; a++) {
        int i = switch (l) {
          case TransposeLayer t -> -1;
          case SliceLayer s -> s.starts()[a] + idx[a] * s.steps()[a];
          case PadLayer pad -> idx[a] - pad.begin()[a];
          case ResizeLayer r -> r.source(a, idx[a]);
          default -> throw new IllegalArgumentException("not a code move: " + l.kind());
        };
        if (l instanceof TransposeLayer t) {
          off += idx[a] * inStrides[t.perm()[a]];
        } else if (i < 0 || i >= inDims[a]) {
          off = -1;
        } else {
          off += i * inStrides[a];
        }
      }
      src[j] = off;
      which[j] = off < 0 ? -1 : 0;
      next(idx, outDims);
    }
    byte pad = l instanceof PadLayer pl ? (byte) p.quantize(pl.value()) : 0;
    return new GatherStep(new int[] {in}, out, new int[] {l.input().shape().size()}, n, which, src, new byte[1][],
        pad, false);
  }

  /** Concat along a per-sample axis, each input requantized to the output parameters {@code po}. */
  static GatherStep concat(ConcatLayer l, int[] ins, int out, List<QuantParams> pi, QuantParams po) {
    int[] outDims = l.output().shape().dims();
    int n = l.output().shape().size();
    int k = ins.length;
    int[] inPer = new int[k];
    int[][] inStrides = new int[k][];
    int[] start = new int[k];
    byte[][] luts = new byte[k][];
    for (int q = 0; q < k; q++) {
      Shape s = l.inputs().get(q).shape();
      inPer[q] = s.size();
      inStrides[q] = strides(s.dims());
      start[q] = q == 0 ? 0 : start[q - 1] + l.inputs().get(q - 1).shape().dim(l.axis());
      if (!pi.get(q).equals(po)) {
        luts[q] = new byte[256];
        for (int code = 0; code < 256; code++) {
          luts[q][code] = (byte) po.quantize(pi.get(q).dequantize(LutStep.value(code, pi.get(q))));
        }
      }
    }
    int[] src = new int[n];
    int[] which = new int[n];
    int[] idx = new int[outDims.length];
    for (int j = 0; j < n; j++) {
      int q = k - 1;
      while (idx[l.axis()] < start[q]) {
        q--;
      }
      int off = 0;
      for (int a = 0; a < idx.length; a++) {
        off += (a == l.axis() ? idx[a] - start[q] : idx[a]) * inStrides[q][a];
      }
      src[j] = off;
      which[j] = q;
      next(idx, outDims);
    }
    return new GatherStep(ins, out, inPer, n, which, src, luts, (byte) 0, false);
  }

  private static void next(int[] idx, int[] dims) {
    for (int a = idx.length - 1; a >= 0; a--) {
      if (++idx[a] < dims[a]) {
        return;
      }
      idx[a] = 0;
    }
  }

  static int[] strides(int[] dims) {
    int[] s = new int[dims.length];
    int acc = 1;
    for (int i = dims.length - 1; i >= 0; i--) {
      s[i] = acc;
      acc *= dims[i];
    }
    return s;
  }

  @Override
  public void run(RunContext ctx) {
    int batch = ctx.batch();
    byte[] y = ctx.act.write(out);
    if (copy) {
      System.arraycopy(ctx.act.read(inputs[0], false), 0, y, 0, batch * outPer);
      return;
    }
    byte[][] xs = new byte[inputs.length][];
    for (int q = 0; q < inputs.length; q++) {
      xs[q] = ctx.act.read(inputs[q], false);
    }
    ctx.forChunks(batch, 1, (from, to) -> {
      for (int b = from; b < to; b++) {
        int o = b * outPer;
        for (int j = 0; j < outPer; j++) {
          int q = srcInput[j];
          if (q < 0) {
            y[o + j] = padCode;
          } else {
            byte c = xs[q][b * inPer[q] + srcOffset[j]];
            y[o + j] = luts[q] == null ? c : luts[q][c & 0xFF];
          }
        }
      }
    });
  }
}
