package org.axdse.simulator.kernels;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Elementwise byte maps through a 256-entry table, {@code dst[i] = lut[src[i] & 0xFF]}: the engine's unary layers
 * on codes (a ReLU after a residual add, a standalone batch normalization with one channel). With 512-bit vectors
 * and the two-table select, 64 codes are looked up at once by two {@code vpermi2b} and a blend on the code's top
 * bit, as the table kernel's byte planes are; otherwise (and for the tail) a plain loop. Identical results on
 * every path.
 */
public final class ByteLookup {
  private static final VectorSpecies<Byte> B = ByteVector.SPECIES_512;

  private ByteLookup() {}

  /**
   * {@code dst[i] = lut[src[i] & 0xFF]} for {@code from <= i < to}; {@code lut} has 256 entries. {@code mode} is
   * that of the caller's {@link Kernels}: the vector path runs in {@link KernelMode#VECTOR} where the running JDK
   * has the two-table select.
   */
  public static void map(KernelMode mode, byte[] lut, byte[] src, byte[] dst, int from, int to) {
    if (lut.length != 256) {
      throw new IllegalArgumentException("a byte map needs 256 entries, got " + lut.length);
    }
    int i = from;
    if (mode.vector() && TwoTableSelect.AVAILABLE) {
      ByteVector t0 = ByteVector.fromArray(B, lut, 0);
      ByteVector t1 = ByteVector.fromArray(B, lut, 64);
      ByteVector t2 = ByteVector.fromArray(B, lut, 128);
      ByteVector t3 = ByteVector.fromArray(B, lut, 192);
      for (; i + 64 <= to; i += 64) {
        ByteVector x = ByteVector.fromArray(B, src, i);
        VectorMask<Byte> high = x.lt((byte) 0);
        TwoTableSelect.select(x, t0, t1).blend(TwoTableSelect.select(x, t2, t3), high).intoArray(dst, i);
      }
    }
    for (; i < to; i++) {
      dst[i] = lut[src[i] & 0xFF];
    }
  }
}
