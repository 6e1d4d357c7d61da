package org.axdse.explorer.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.axdse.simulator.onnx.OnnxGraphBuilder;

/** Valid inputs of every kind, small so that a thousand mutations of each load fast. */
final class Samples {
  private Samples() {}

  /** The repository root (the directory holding {@code models/lenet5.onnx}), found above the working directory. */
  static Path repoRoot() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("models/lenet5.onnx"))) {
        return p;
      }
    }
    throw new IllegalStateException("models/lenet5.onnx not found above " + Path.of("").toAbsolutePath());
  }

  /** A test resource of this package, with every {@code @ROOT@} replaced by the repository root. */
  static byte[] resource(String name) {
    try (InputStream in = Samples.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("no test resource " + name);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.replace("@ROOT@", repoRoot().toString()).getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A small convolutional network: conv 2->4 3x3, ReLU, global average pool, flatten, dense 4->3. */
  static byte[] onnx(Path scratch) throws IOException {
    Random rnd = new Random(99);
    OnnxGraphBuilder b = OnnxGraphBuilder.create("fuzz");
    b.input("x", 2, 6, 6);
    String c = b.relu("r", b.conv("c", "x", gaussian(rnd, 4 * 2 * 9), new int[] {4, 2, 3, 3}, gaussian(rnd, 4),
        new int[] {1, 1}, new int[] {1, 1, 1, 1}, new int[] {1, 1}, 1));
    String p = b.flatten("f", b.globalAveragePool("g", c), 1);
    b.output(b.gemm("fc", p, gaussian(rnd, 12), new int[] {3, 4}, gaussian(rnd, 3), 1f, 1f, true));
    b.write(scratch);
    return Files.readAllBytes(scratch);
  }

  /** An IDX image file of {@code n} images of {@code rows x cols}. */
  static byte[] idxImages(int n, int rows, int cols) {
    ByteBuffer b = ByteBuffer.allocate(16 + n * rows * cols).putInt(0x803).putInt(n).putInt(rows).putInt(cols);
    for (int i = 0; i < n * rows * cols; i++) {
      b.put((byte) (i * 37));
    }
    return b.array();
  }

  /** An IDX label file of labels {@code 0, 1, ..., n-1} modulo 10. */
  static byte[] idxLabels(int n) {
    ByteBuffer b = ByteBuffer.allocate(8 + n).putInt(0x801).putInt(n);
    for (int i = 0; i < n; i++) {
      b.put((byte) (i % 10));
    }
    return b.array();
  }

  /** A CIFAR-10 binary batch of {@code n} records (label byte, then 3 x 32 x 32 pixels). */
  static byte[] cifar(int n) {
    byte[] b = new byte[n * 3073];
    for (int i = 0; i < n; i++) {
      b[i * 3073] = (byte) (i % 10);
      for (int k = 1; k < 3073; k++) {
        b[i * 3073 + k] = (byte) (k * 13 + i);
      }
    }
    return b;
  }

  /** An {@code .npy} file of {@code descr} and {@code shape} holding {@code data}. */
  static byte[] npy(String descr, String shape, byte[] data) {
    String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
    int total = 10 + dict.length() + 1;
    String header = dict + " ".repeat((64 - total % 64) % 64) + "\n";
    ByteBuffer b = ByteBuffer.allocate(10 + header.length() + data.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) header.length());
    return b.put(header.getBytes(StandardCharsets.ISO_8859_1)).put(data).array();
  }

  static byte[] gzip(byte[] raw) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(raw);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static float[] gaussian(Random rnd, int n) {
    float[] w = new float[n];
    for (int i = 0; i < n; i++) {
      w[i] = (float) rnd.nextGaussian();
    }
    return w;
  }
}
