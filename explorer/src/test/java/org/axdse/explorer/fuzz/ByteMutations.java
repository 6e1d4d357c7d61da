package org.axdse.explorer.fuzz;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Byte-level mutations of a valid file: truncation, bit flips, random bytes, nasty 32-bit integers written over
 * a header, deleted or duplicated ranges and appended junk. {@code exactSize} formats (whose length follows from
 * their header) must refuse a changed length; the others decide for themselves.
 */
final class ByteMutations {
  private static final int[] NASTY = {0, -1, 1, 255, 256, 65535, 1 << 20, 1_000_000_000, Integer.MAX_VALUE,
      Integer.MIN_VALUE};

  private ByteMutations() {}

  /**
   * One to three mutations of {@code valid}; {@code headerBytes} is where the format's header ends. For an
   * {@code exactSize} format the result must fail when its length changed while its header did not.
   */
  static Mutation mutate(byte[] valid, SplittableRandom r, int headerBytes, boolean exactSize) {
    Mutation m = once(valid, r, headerBytes);
    for (int k = r.nextInt(3); k > 0; k--) {
      m = m.then(once(m.bytes(), r, headerBytes));
    }
    byte[] b = m.bytes();
    int h = Math.min(headerBytes, valid.length);
    boolean sameHeader = b.length >= h && Arrays.equals(Arrays.copyOf(b, h), Arrays.copyOf(valid, h));
    return new Mutation(b, m.description(), exactSize && sameHeader && b.length != valid.length);
  }

  static Mutation once(byte[] b, SplittableRandom r, int headerBytes) {
    int header = Math.max(1, Math.min(headerBytes, b.length));
    switch (r.nextInt(7)) {
      case 0: {
        int n = b.length == 0 ? 0 : r.nextInt(b.length);
        return new Mutation(Arrays.copyOf(b, n), "truncated to " + n, false);
      }
      case 1: {
        byte[] m = b.clone();
        for (int k = 1 + r.nextInt(4); k > 0 && m.length > 0; k--) {
          m[r.nextInt(m.length)] ^= (byte) (1 << r.nextInt(8));
        }
        return new Mutation(m, "bit flips", false);
      }
      case 2: {
        byte[] m = b.clone();
        for (int k = 1 + r.nextInt(4); k > 0 && m.length > 0; k--) {
          m[r.nextInt(header)] = (byte) r.nextInt(256);
        }
        return new Mutation(m, "random header bytes", false);
      }
      case 3: {
        byte[] m = b.clone();
        int v = NASTY[r.nextInt(NASTY.length)];
        int off = r.nextInt(header);
        for (int k = 0; k < 4 && off + k < m.length; k++) {
          m[off + k] = (byte) (r.nextBoolean() ? v >>> (24 - 8 * k) : v >>> (8 * k));
        }
        return new Mutation(m, "int " + v + " at " + off, false);
      }
      case 4: {
        int from = b.length == 0 ? 0 : r.nextInt(b.length);
        int to = Math.min(b.length, from + 1 + r.nextInt(64));
        byte[] m = new byte[b.length - (to - from)];
        System.arraycopy(b, 0, m, 0, from);
        System.arraycopy(b, to, m, from, b.length - to);
        return new Mutation(m, "deleted " + from + ".." + to, false);
      }
      case 5: {
        int from = b.length == 0 ? 0 : r.nextInt(b.length);
        int len = Math.min(b.length - from, 1 + r.nextInt(64));
        byte[] m = new byte[b.length + len];
        System.arraycopy(b, 0, m, 0, from + len);
        System.arraycopy(b, from, m, from + len, b.length - from);
        return new Mutation(m, "duplicated " + from + "+" + len, false);
      }
      default: {
        int extra = 1 + r.nextInt(4000);
        byte[] m = Arrays.copyOf(b, b.length + extra);
        for (int k = b.length; k < m.length; k++) {
          m[k] = (byte) r.nextInt(256);
        }
        return new Mutation(m, "appended " + extra, false);
      }
    }
  }
}
