package org.axdse.simulator.numformat;

/**
 * Rounds reals to a {@link FormatGrid} with a given scale, or in OCP MX blocks that share a power-of-two scale.
 * Results are the rounded values in float: unscaled for a given scale ({@code nearest(x / scale)}), scaled for MX
 * ({@code 2^X * nearest(x / 2^X)}); both are exact in float, so later products of two of them are exact in double.
 */
final class BlockRounding {
  /** The E8M0 scale's exponent range of OCP MX. */
  static final int MIN_SCALE_EXPONENT = -127;
  static final int MAX_SCALE_EXPONENT = 127;

  private BlockRounding() {}

  /** {@code dst[i] = nearest(src[i] / scale)} for {@code n} values from the given offsets. */
  static void scaled(FormatGrid grid, double scale, float[] src, int from, float[] dst, int to, int n) {
    for (int i = 0; i < n; i++) {
      dst[to + i] = (float) grid.nearest(src[from + i] / scale);
    }
  }

  /**
   * One MX block of {@code n} values {@code src[from + i * stride]}: shared exponent {@code X = floor(log2 amax) -
   * emax} (clamped to E8M0's range; all zero when amax is 0), each value {@code 2^X * nearest(x * 2^-X)}.
   */
  static void block(FormatGrid grid, float[] src, int from, int stride, int n, float[] dst, int to) {
    float amax = 0;
    for (int i = 0, s = from; i < n; i++, s += stride) {
      amax = Math.max(amax, Math.abs(src[s]));
    }
    if (amax == 0) {
      for (int i = 0, d = to; i < n; i++, d += stride) {
        dst[d] = 0f;
      }
      return;
    }
    int x = Math.max(MIN_SCALE_EXPONENT,
        Math.min(MAX_SCALE_EXPONENT, Math.getExponent((double) amax) - grid.maxExponent()));
    for (int i = 0, s = from, d = to; i < n; i++, s += stride, d += stride) {
      dst[d] = (float) Math.scalb(grid.nearest(Math.scalb((double) src[s], -x)), x);
    }
  }

  /** MX blocks of {@link ScaleKind#BLOCK} consecutive values (the last one shorter) over {@code n} values. */
  static void blocks(FormatGrid grid, float[] src, int from, float[] dst, int to, int n) {
    for (int b = 0; b < n; b += ScaleKind.BLOCK) {
      block(grid, src, from + b, 1, Math.min(ScaleKind.BLOCK, n - b), dst, to + b);
    }
  }

  /**
   * MX blocks along the channel axis of a {@code [channels][plane]} tensor: for each of the {@code plane} positions,
   * channels {@code 0..31}, {@code 32..63}, ... share a scale.
   */
  static void channelBlocks(FormatGrid grid, float[] src, int from, float[] dst, int to, int channels, int plane) {
    for (int c = 0; c < channels; c += ScaleKind.BLOCK) {
      int n = Math.min(ScaleKind.BLOCK, channels - c);
      for (int q = 0; q < plane; q++) {
        block(grid, src, from + c * plane + q, plane, n, dst, to + c * plane + q);
      }
    }
  }
}
