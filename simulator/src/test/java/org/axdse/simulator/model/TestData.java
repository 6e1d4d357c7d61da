package org.axdse.simulator.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.axdse.simulator.data.SharedCifar;

/**
 * Test-only access to the shared CIFAR-10 files: the directory, a minimal reader of the binary batch format
 * (1 label byte + 3072 CHW pixel bytes per record), and a minimal reader of float32 little-endian .npy files.
 */
public final class TestData {
  public static final int RECORD = 3073;
  public static final float[] MEAN = {0.485f, 0.456f, 0.406f};
  public static final float[] STD = {0.229f, 0.224f, 0.225f};

  private TestData() {}

  /** {@code shared/cifar10}, found by walking up from the working directory. */
  public static Path cifarDir() {
    return SharedCifar.aboveWorkingDirectory().orElseThrow(() -> new IllegalStateException(
        "shared/cifar10 not found above " + Paths.get("").toAbsolutePath()));
  }

  /** A file of the repository ({@code models/...}, {@code data/...}); tests run in the module directory. */
  public static Path repoFile(String path) {
    return Paths.get("..").toAbsolutePath().normalize().resolve(path);
  }

  public static Path resnet20() {
    return cifarDir().resolve("resnet20.onnx");
  }

  public static byte[] testBatch() {
    try {
      return Files.readAllBytes(cifarDir().resolve("test_batch.bin"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Normalized NCHW floats of records [from, from + count) of a CIFAR batch, as resnet20.onnx expects. */
  public static float[] images(byte[] batch, int from, int count) {
    float[] x = new float[count * 3072];
    for (int n = 0; n < count; n++) {
      int rec = (from + n) * RECORD + 1;
      for (int i = 0; i < 3072; i++) {
        int c = i / 1024;
        x[n * 3072 + i] = ((batch[rec + i] & 0xff) / 255f - MEAN[c]) / STD[c];
      }
    }
    return x;
  }

  public static int label(byte[] batch, int index) {
    return batch[index * RECORD];
  }

  /** The values of a little-endian float32 .npy file (header parsed only for dtype and data offset). */
  public static float[] readNpyFloat32(Path file) {
    try {
      byte[] b = Files.readAllBytes(file);
      if (b[0] != (byte) 0x93 || !new String(b, 1, 5, StandardCharsets.US_ASCII).equals("NUMPY")) {
        throw new IllegalArgumentException(file + " is not .npy");
      }
      int major = b[6];
      ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
      int headerLen = major == 1 ? bb.getShort(8) & 0xffff : bb.getInt(8);
      int start = (major == 1 ? 10 : 12) + headerLen;
      String header = new String(b, major == 1 ? 10 : 12, headerLen, StandardCharsets.US_ASCII);
      if (!header.contains("'<f4'") || header.contains("'fortran_order': True")) {
        throw new IllegalArgumentException(file + ": expected little-endian float32 in C order: " + header);
      }
      float[] v = new float[(b.length - start) / 4];
      bb.position(start);
      bb.asFloatBuffer().get(v);
      return v;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
