package org.axdse.simulator.kernels;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The vector im2col of stride-1 convolutions whose output keeps the input's size ("same" padding, such as every
 * 3x3 pad-1 convolution of a ResNet): column {@code m = (b * H + oy) * W + ox} of the panel row of tap (ky, kx)
 * reads the input at {@code m + dy * W + dx} of its channel ({@code dy = ky * dilationH - padTop}, likewise dx),
 * because input and output share the flat layout, whenever {@code (oy + dy, ox + dx)} lies inside the image, and
 * the pad code otherwise. So a 64-column tile of a panel row is one load, one blend and one store, with the
 * in-image mask computed once per tap for all channels; {@link Im2Col} copies an output row at a time, which
 * cost 1.5 to 4 cycles per panel byte on 8- to 32-wide images, as much as the table lookups of a 16-channel layer.
 */
final class ShiftedIm2Col {
  private static final VectorSpecies<Byte> B = ByteVector.SPECIES_512;

  /** Bytes of the position scratch: the oy of each block column, then its ox. */
  static final int POSITIONS = 2 * Scratch.BLOCK;

  private ShiftedIm2Col() {}

  /**
   * True when this path applies: stride 1, output of the input's size, image sides below 128 and tap offsets
   * within 64 (so the bounds of an in-image position stay within a byte).
   */
  static boolean applies(ConvGeometry g) {
    return g.strideH() == 1 && g.strideW() == 1 && g.outHeight() == g.inHeight() && g.outWidth() == g.inWidth()
        && g.inHeight() < 128 && g.inWidth() < 128 && g.padTop() <= 64 && g.padLeft() <= 64
        && (g.kernelHeight() - 1) * g.dilationH() - g.padTop() <= 64
        && (g.kernelWidth() - 1) * g.dilationW() - g.padLeft() <= 64;
  }

  /**
   * As {@link Im2Col#fill}, for a geometry where {@link #applies} holds; {@code pos} is scratch of
   * {@link #POSITIONS} bytes. Columns past {@code cols} up to the end of their 64-column tile get the pad code.
   */
  static void fill(ConvGeometry g, int batch, byte[] input, int group, byte pad, int col0, int cols, byte[] dst,
      int off, int ld, byte[] pos) {
    int h = g.inHeight();
    int w = g.inWidth();
    for (int i = 0; i < Scratch.BLOCK; i++) {
      int m = col0 + Math.min(i, cols - 1);
      int row = m / w;
      pos[i] = (byte) (row % h);
      pos[Scratch.BLOCK + i] = (byte) (m - row * w);
    }
    int tiles = (cols + 63) / 64;
    for (int t = 0; t < tiles; t++) {
      for (int ky = 0; ky < g.kernelHeight(); ky++) {
        for (int kx = 0; kx < g.kernelWidth(); kx++) {
          tap(g, batch, input, group, pad, col0, cols, dst, off, ld, pos, t, ky, kx);
        }
      }
    }
  }

  /** One tap over one 64-column tile, for every channel of the group. */
  private static void tap(ConvGeometry g, int batch, byte[] input, int group, byte pad, int col0, int cols,
      byte[] dst, int off, int ld, byte[] pos, int t, int ky, int kx) {
    int h = g.inHeight();
    int w = g.inWidth();
    int dy = ky * g.dilationH() - g.padTop();
    int dx = kx * g.dilationW() - g.padLeft();
    VectorMask<Byte> inside = within(ByteVector.fromArray(B, pos, 64 * t), -dy, h - dy)
        .and(within(ByteVector.fromArray(B, pos, Scratch.BLOCK + 64 * t), -dx, w - dx))
        .and(B.indexInRange(64 * t, cols));
    ByteVector padding = ByteVector.broadcast(B, pad);
    int plane = batch * h * w;
    int cg = g.groupInChannels();
    int taps = g.kernelHeight() * g.kernelWidth();
    int shift = col0 + 64 * t + dy * w + dx;
    int k = ky * g.kernelWidth() + kx;
    int last = input.length - 64;
    for (int c = 0; c < cg; c++, k += taps) {
      int src = (group * cg + c) * plane + shift;
      ByteVector v = src >= 0 && src <= last ? ByteVector.fromArray(B, input, src)
          : ByteVector.fromArray(B, input, src, inside);
      padding.blend(v, inside).intoArray(dst, off + k * ld + 64 * t);
    }
  }

  /** Lanes with {@code from <= x < to}; x is below 128, from and to within -64 and 191 (cut to the byte range). */
  private static VectorMask<Byte> within(ByteVector x, int from, int to) {
    return x.compare(VectorOperators.GE, (byte) from).and(x.compare(VectorOperators.LT, (byte) Math.min(127, to)));
  }
}
