package org.axdse.simulator.onnx;

import org.axdse.simulator.model.PadLayer;
import org.axdse.simulator.model.Ports;
import org.axdse.simulator.model.Shape;
import org.axdse.simulator.model.TensorInfo;
import org.axdse.simulator.model.Window;

/**
 * Pooling with {@code ceil_mode=1} (SqueezeNet's MaxPool, AveragePool) as a window with extra bottom and right
 * padding: the extra rows and columns only add the last, partial windows. Output size per axis as PyTorch and ONNX
 * Runtime compute it: {@code ceil((in + pads - k) / stride) + 1}, less one when that last window would start in the
 * end padding. A max, and an average over the in-bounds elements, ignore padding. PyTorch's average with
 * {@code count_include_pad} divides by the window clamped to the input plus the declared padding, not the extra:
 * that is a zero {@link PadLayer} of the declared padding followed by an average over the in-bounds elements of the
 * padded input, with only the extra padding left in the window (what PyTorch's own export writes).
 */
final class CeilMode {
  private CeilMode() {}

  static Window extend(Window w, int inH, int inW) {
    int extraH = extra(inH, w.kH(), w.strideH(), w.padTop(), w.padBottom());
    int extraW = extra(inW, w.kW(), w.strideW(), w.padLeft(), w.padRight());
    return new Window(w.kH(), w.kW(), w.strideH(), w.strideW(), w.padTop(), w.padLeft(), w.padBottom() + extraH,
        w.padRight() + extraW, w.dilationH(), w.dilationW());
  }

  static boolean padded(Window w) {
    return w.padTop() + w.padLeft() + w.padBottom() + w.padRight() > 0;
  }

  /** A zero Pad of {@code [C, H, W]} input {@code x} by the declared padding of {@code w}. */
  static PadLayer declaredPadding(String name, TensorInfo x, String output, Window w) {
    Shape in = x.shape();
    Shape out = Shape.of(in.dim(0), in.dim(1) + w.padTop() + w.padBottom(), in.dim(2) + w.padLeft() + w.padRight());
    return new PadLayer(name, Ports.of(x, output, out), new int[] {0, w.padTop(), w.padLeft()},
        new int[] {0, w.padBottom(), w.padRight()}, 0f);
  }

  /** The window of {@code extended} (from {@link #extend} of {@code declared}) on the declared-padded input. */
  static Window beyondPadding(Window declared, Window extended) {
    return new Window(extended.kH(), extended.kW(), extended.strideH(), extended.strideW(), 0, 0,
        extended.padBottom() - declared.padBottom(), extended.padRight() - declared.padRight(),
        extended.dilationH(), extended.dilationW());
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
