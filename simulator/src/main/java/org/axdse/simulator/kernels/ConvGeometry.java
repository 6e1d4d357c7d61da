package org.axdse.simulator.kernels;

/**
 * The shape of a 2-D convolution (ONNX {@code Conv} semantics): input channels and size, output channels, kernel
 * size, strides, paddings (top, left, bottom, right), dilations and groups. Depthwise is {@code groups ==
 * inChannels == outChannels}. Output size is {@code (in + padBefore + padAfter - dilation * (kernel - 1) - 1) /
 * stride + 1}.
 */
public record ConvGeometry(
    int inChannels, int inHeight, int inWidth, int outChannels, int kernelHeight, int kernelWidth,
    int strideH, int strideW, int padTop, int padLeft, int padBottom, int padRight,
    int dilationH, int dilationW, int groups) {

  public ConvGeometry {
    if (inChannels <= 0 || inHeight <= 0 || inWidth <= 0 || outChannels <= 0 || kernelHeight <= 0
        || kernelWidth <= 0 || strideH <= 0 || strideW <= 0 || dilationH <= 0 || dilationW <= 0 || groups <= 0) {
      throw new IllegalArgumentException("convolution sizes, strides, dilations and groups must be positive");
    }
    if (padTop < 0 || padLeft < 0 || padBottom < 0 || padRight < 0) {
      throw new IllegalArgumentException("paddings must not be negative");
    }
    if (inChannels % groups != 0 || outChannels % groups != 0) {
      throw new IllegalArgumentException(
          "groups " + groups + " must divide input " + inChannels + " and output " + outChannels + " channels");
    }
    if (inHeight + padTop + padBottom < dilationH * (kernelHeight - 1) + 1
        || inWidth + padLeft + padRight < dilationW * (kernelWidth - 1) + 1) {
      throw new IllegalArgumentException("kernel larger than the padded input");
    }
  }

  /** A square kernel with equal stride, padding and dilation in both directions and on all sides. */
  public static ConvGeometry square(int inChannels, int inSize, int outChannels, int kernel, int stride, int pad,
      int dilation, int groups) {
    return new ConvGeometry(inChannels, inSize, inSize, outChannels, kernel, kernel, stride, stride,
        pad, pad, pad, pad, dilation, dilation, groups);
  }

  public int outHeight() {
    return (inHeight + padTop + padBottom - dilationH * (kernelHeight - 1) - 1) / strideH + 1;
  }

  public int outWidth() {
    return (inWidth + padLeft + padRight - dilationW * (kernelWidth - 1) - 1) / strideW + 1;
  }

  /** Input channels per group. */
  public int groupInChannels() {
    return inChannels / groups;
  }

  /** Output channels (GEMM rows) per group. */
  public int groupOutChannels() {
    return outChannels / groups;
  }

  /** The GEMM reduction length of one group: {@code inChannels / groups * kernelHeight * kernelWidth}. */
  public int reduction() {
    return groupInChannels() * kernelHeight * kernelWidth;
  }

  /** True for a 1x1 kernel with unit stride and no padding: the im2col panel is the input itself. */
  public boolean isPointwise() {
    return kernelHeight == 1 && kernelWidth == 1 && strideH == 1 && strideW == 1
        && padTop == 0 && padLeft == 0 && padBottom == 0 && padRight == 0;
  }

  /** Multiply-accumulates of one image: output elements times the reduction length. */
  public long macsPerImage() {
    return (long) outChannels * outHeight() * outWidth() * reduction();
  }

  /** Throws unless this convolution has {@code rows} output channels and reduction {@code k}. */
  public void requireShape(int rows, int k) {
    if (reduction() != k || outChannels() != rows) {
      throw new IllegalArgumentException("geometry " + this + " does not match " + rows + " x " + k);
    }
  }
}
