package org.axdse.simulator.model;

/**
 * The sliding-window geometry shared by 2-D convolution and pooling: kernel size, stride, padding on each side
 * (top, left, bottom, right) and dilation. Output size per axis is
 * {@code floor((in + padBegin + padEnd - dilation * (k - 1) - 1) / stride) + 1}, as in ONNX with ceil_mode 0.
 */
public record Window(
    int kH, int kW, int strideH, int strideW, int padTop, int padLeft, int padBottom, int padRight,
    int dilationH, int dilationW) {
  public Window {
    if (kH < 1 || kW < 1 || strideH < 1 || strideW < 1 || dilationH < 1 || dilationW < 1) {
      throw new IllegalArgumentException("kernel, stride and dilation must be positive: " + this);
    }
    if (padTop < 0 || padLeft < 0 || padBottom < 0 || padRight < 0) {
      throw new IllegalArgumentException("padding must not be negative: " + this);
    }
  }

  /** A square window with equal padding on all sides and no dilation. */
  public static Window square(int k, int stride, int pad) {
    return new Window(k, k, stride, stride, pad, pad, pad, pad, 1, 1);
  }

  public int outH(int inH) {
    return outSize(inH, kH, strideH, padTop + padBottom, dilationH);
  }

  public int outW(int inW) {
    return outSize(inW, kW, strideW, padLeft + padRight, dilationW);
  }

  private static int outSize(int in, int k, int stride, int pads, int dilation) {
    int span = dilation * (k - 1) + 1;
    int free = in + pads - span;
    if (free < 0) {
      throw new IllegalArgumentException("window of extent " + span + " larger than padded input " + (in + pads));
    }
    return free / stride + 1;
  }
}
