package org.axdse.simulator.onnx;

import org.axdse.simulator.model.Window;

/**
 * MaxPool with {@code ceil_mode=1} (SqueezeNet's pools) as a window with extra bottom and right padding: a max over
 * a window clamped to the input ignores padding, so the extra rows and columns only add the last, partial windows.
 * Output size per axis as PyTorch and ONNX Runtime compute it: {@code ceil((in + pads - k) / stride) + 1}, less one
 * when that last window would start in the end padding.
 */
final class CeilMode {
  private CeilMode() {}

  static Window extend(Window w, int inH, int inW) {
    int extraH = extra(inH, w.kH(), w.strideH(), w.padTop(), w.padBottom());
    int extraW = extra(inW, w.kW(), w.strideW(), w.padLeft(), w.padRight());
    return new Window(w.kH(), w.kW(), w.strideH(), w.strideW(), w.padTop(), w.padLeft(), w.padBottom() + extraH,
        w.padRight() + extraW, w.dilationH(), w.dilationW());
  }

  private static int extra(int in, int k, int stride, int padBegin, int padEnd) {
    int free = in + padBegin + padEnd - k;
    int out = Math.floorDiv(free + stride - 1, stride) + 1;
    if ((out - 1) * stride >= in + padBegin) {
      out--;
    }
    return Math.max(0, (out - 1) * stride + k - (in + padBegin + padEnd));
  }
}
