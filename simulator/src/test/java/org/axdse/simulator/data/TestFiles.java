package org.axdse.simulator.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Builders of small, valid dataset files for the tests. */
final class TestFiles {
  private TestFiles() {}

  static byte[] idxImages(int count, int rows, int cols, byte[] pixels) {
    ByteBuffer b = ByteBuffer.allocate(16 + pixels.length);
    b.putInt(IdxFiles.IMAGES_MAGIC).putInt(count).putInt(rows).putInt(cols).put(pixels);
    return b.array();
  }

  static byte[] idxLabels(int[] labels) {
    ByteBuffer b = ByteBuffer.allocate(8 + labels.length);
    b.putInt(IdxFiles.LABELS_MAGIC).putInt(labels.length);
    for (int l : labels) {
      b.put((byte) l);
    }
    return b.array();
  }

  static byte[] gzip(byte[] data) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
        gz.write(data);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] cifar(int[] labels, byte[] pixels) {
    ByteBuffer b = ByteBuffer.allocate(labels.length * CifarFiles.RECORD_BYTES);
    for (int i = 0; i < labels.length; i++) {
      b.put((byte) labels[i]).put(pixels, i * CifarFiles.IMAGE_BYTES, CifarFiles.IMAGE_BYTES);
    }
    return b.array();
  }

  /** A version-1.0 .npy file with the given descr, shape and raw data bytes. */
  static byte[] npy(String descr, long[] shape, byte[] data) {
    StringBuilder dims = new StringBuilder();
    for (long d : shape) {
      dims.append(d).append(", ");
    }
    String shapeText = shape.length == 1 ? "(" + shape[0] + ",)" : "(" + dims.substring(0, dims.length() - 2) + ")";
    String header = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shapeText + ", }";
    int total = 10 + header.length() + 1;
    int pad = (64 - total % 64) % 64;
    header = header + " ".repeat(pad) + "\n";
    ByteBuffer b = ByteBuffer.allocate(10 + header.length() + data.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
    b.putShort((short) header.length()).put(header.getBytes(StandardCharsets.US_ASCII)).put(data);
    return b.array();
  }

  static byte[] int64Le(int[] values) {
    ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (int v : values) {
      b.putLong(v);
    }
    return b.array();
  }

  static Path write(Path dir, String name, byte[] content) {
    try {
      return Files.write(dir.resolve(name), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Pixels whose value encodes (image, position): {@code (7 * image + 3 * position) mod 256}. */
  static byte[] pattern(int images, int imageBytes) {
    byte[] p = new byte[images * imageBytes];
    for (int i = 0; i < images; i++) {
      for (int k = 0; k < imageBytes; k++) {
        p[i * imageBytes + k] = (byte) (7 * i + 3 * k);
      }
    }
    return p;
  }

  /** The shared CIFAR-10 folder, found by walking up from the working directory, or null. */
  static Path sharedCifar() {
    return SharedCifar.aboveWorkingDirectory().filter(c -> Files.isRegularFile(c.resolve("test_batch.bin")))
        .orElse(null);
  }
}
