package org.axdse.simulator.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.multipliers.util.IoProblems;

/**
 * Bounded file reading for the loaders. Nothing here allocates more than the data that is really there: plain
 * files are sized before they are read, and gzip streams are read into a buffer that grows only as bytes arrive.
 */
final class FileBytes {
  /** The largest byte array the JVM reliably allocates. */
  static final long MAX_ARRAY = Integer.MAX_VALUE - 16;

  private FileBytes() {}

  /** The length of a regular file, or a one-line error if it is missing or not a regular file. */
  static long size(Path file) {
    try {
      if (!Files.isRegularFile(file)) {
        throw BadInputException.in(file, Files.exists(file) ? "not a regular file" : "no such file");
      }
      return Files.size(file);
    } catch (IOException e) {
      throw IoProblems.badInput(file, e);
    }
  }

  /** The whole content of a plain file of at most {@link #MAX_ARRAY} bytes. */
  static byte[] readPlain(Path file) {
    long size = size(file);
    if (size > MAX_ARRAY) {
      throw BadInputException.in(file, "file of " + size + " bytes is too large (limit " + MAX_ARRAY + ")");
    }
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw BadInputException.in(file, "no such file");
    } catch (IOException e) {
      throw IoProblems.badInput(file, e);
    }
  }

  /** Whether the file starts with the gzip magic bytes {@code 1f 8b}. */
  static boolean isGzip(Path file) {
    if (size(file) < 2) {
      return false;
    }
    try (InputStream in = Files.newInputStream(file)) {
      return in.read() == 0x1f && in.read() == 0x8b;
    } catch (IOException e) {
      throw IoProblems.badInput(file, e);
    }
  }

  /** A stream over the file's content, decompressed if the file is gzip. The caller closes it. */
  static InputStream open(Path file) {
    boolean gzip = isGzip(file);
    try {
      InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
      return gzip ? new GZIPInputStream(raw, 1 << 16) : raw;
    } catch (IOException e) {
      throw BadInputException.in(file, (gzip ? "corrupt gzip data: " : "cannot read: ") + e.getMessage());
    }
  }

  /**
   * Reads exactly {@code count} bytes ({@code what} names them in errors); the buffer grows with the bytes that
   * actually arrive, so a header claiming a huge count cannot force a huge allocation.
   */
  static byte[] readExactly(InputStream in, long count, Path file, String what) throws IOException {
    if (count < 0 || count > MAX_ARRAY) {
      throw BadInputException.in(file, what + ": claimed size " + count + " bytes is out of range (limit "
          + MAX_ARRAY + ")");
    }
    int target = (int) count;
    byte[] buf = new byte[Math.min(target, 1 << 20)];
    int have = 0;
    while (have < target) {
      if (have == buf.length) {
        buf = Arrays.copyOf(buf, (int) Math.min(target, 2L * buf.length));
      }
      int n = in.read(buf, have, buf.length - have);
      if (n < 0) {
        throw BadInputException.in(file, "truncated: " + what + " needs " + count + " bytes, found " + have);
      }
      have += n;
    }
    return buf;
  }

  /** Fails unless the stream is at its end. */
  static void expectEnd(InputStream in, Path file) throws IOException {
    if (in.read() >= 0) {
      throw BadInputException.in(file, "unexpected bytes after the end of the data");
    }
  }

  /** A one-line error for an I/O failure while reading {@code file} (corrupt gzip data, mostly). */
  static BadInputException failure(Path file, IOException e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return BadInputException.in(file, "cannot read (corrupt or truncated data?): " + m);
  }

  /** The big-endian 32-bit integer at {@code offset}. */
  static int bigEndianInt(byte[] b, int offset) {
    return ((b[offset] & 0xFF) << 24) | ((b[offset + 1] & 0xFF) << 16) | ((b[offset + 2] & 0xFF) << 8)
        | (b[offset + 3] & 0xFF);
  }
}
