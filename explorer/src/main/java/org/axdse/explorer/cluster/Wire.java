package org.axdse.explorer.cluster;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The byte encoding of the bodies of cluster messages: big-endian primitives, length-prefixed strings and arrays,
 * read back with bounds on every length. Bodies are encoded by fixed code on both sides and decoded only after
 * their tag is verified, so no class name or object graph ever travels.
 */
final class Wire {
  static final int MAX_ARRAY = 1 << 30;

  private Wire() {}

  /** Builds a body. */
  static final class Writer {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final DataOutputStream out = new DataOutputStream(bytes);

    Writer putInt(int v) {
      return run(() -> out.writeInt(v));
    }

    Writer putLong(long v) {
      return run(() -> out.writeLong(v));
    }

    Writer putDouble(double v) {
      return run(() -> out.writeLong(Double.doubleToRawLongBits(v)));
    }

    Writer putBoolean(boolean v) {
      return run(() -> out.writeBoolean(v));
    }

    Writer putString(String s) {
      return putBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    Writer putBytes(byte[] b) {
      return run(() -> {
        out.writeInt(b.length);
        out.write(b);
      });
    }

    Writer putInts(int[] v) {
      return run(() -> {
        out.writeInt(v.length);
        for (int x : v) {
          out.writeInt(x);
        }
      });
    }

    byte[] toBytes() {
      return bytes.toByteArray();
    }

    private interface IoStep {
      void run() throws IOException;
    }

    private Writer run(IoStep step) {
      try {
        step.run();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return this;
    }
  }

  /** Reads a body; every malformed body is a {@link MalformedException}. */
  static final class Reader {
    private final DataInputStream in;
    private final int size;

    Reader(byte[] body) {
      this.in = new DataInputStream(new ByteArrayInputStream(body));
      this.size = body.length;
    }

    int getInt() {
      return read(in::readInt);
    }

    long getLong() {
      return read(in::readLong);
    }

    double getDouble() {
      return Double.longBitsToDouble(getLong());
    }

    boolean getBoolean() {
      return read(in::readBoolean);
    }

    String getString() {
      return new String(getBytes(), StandardCharsets.UTF_8);
    }

    byte[] getBytes() {
      int n = length(1);
      byte[] b = new byte[n];
      read(() -> {
        in.readFully(b);
        return null;
      });
      return b;
    }

    int[] getInts() {
      int n = length(4);
      int[] v = new int[n];
      for (int i = 0; i < n; i++) {
        v[i] = getInt();
      }
      return v;
    }

    /** Fails unless the whole body was read. */
    void end() {
      if (read(in::available) != 0) {
        throw new MalformedException("trailing bytes");
      }
    }

    private int length(int elementBytes) {
      int n = getInt();
      if (n < 0 || n > MAX_ARRAY || (long) n * elementBytes > size) {
        throw new MalformedException("bad length " + n);
      }
      return n;
    }

    private interface IoRead<T> {
      T read() throws IOException;
    }

    private static <T> T read(IoRead<T> r) {
      try {
        return r.read();
      } catch (EOFException e) {
        throw new MalformedException("truncated");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** A body that does not decode. */
  static final class MalformedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedException(String what) {
      super("malformed cluster message: " + what);
    }
  }
}
