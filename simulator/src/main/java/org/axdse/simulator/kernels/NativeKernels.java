package org.axdse.simulator.kernels;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The native kernels: the exact GEMM (C, AVX-512 VNNI {@code vpdpbusd}: 64 byte products per instruction against 16
 * for a float32 FMA) and the byte-plane table lookups of {@link VectorTableKernel} (AVX-512 VBMI), built by Maven from {@code simulator/src/main/native} when a C compiler is present and loaded
 * once per JVM. The Java Vector API has no 8-bit dot product, which kept the exact path at float32 speed
 * (docs/performance.md). Used by {@link KernelMode#NATIVE} for the exact rows of a block, the exact part of
 * the bilinear path and the rows with 16-bit tables; every result equals the Java kernels' bit for bit (int32 sums, wrapping). When the library
 * is missing (no compiler at build time, another platform) or the CPU lacks VNNI, {@link #available()} is false
 * and the engine runs the Java kernels; {@link #status()} says why.
 */
final class NativeKernels {
  private static final String LIBRARY = "libaxdse_kernels.so";
  private static final String RESOURCE = "native/linux-x86_64/" + LIBRARY;
  private static final String STATUS = load();
  private static final boolean TABLES = available() && (supported() & 2) != 0;

  private NativeKernels() {}

  /** True when the library loaded and this CPU runs it. */
  static boolean available() {
    return STATUS.equals("loaded");
  }

  /** True when the table kernel runs too: {@link #available()} and the CPU has AVX-512 VBMI. */
  static boolean tablesAvailable() {
    return TABLES;
  }

  /** {@code loaded}, or why the native kernel is not used. */
  static String status() {
    return STATUS;
  }

  private static String load() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "");
    if (!os.startsWith("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
      return "built only for Linux x86-64, this is " + os + " " + arch;
    }
    URL url = NativeKernels.class.getResource(RESOURCE);
    if (url == null) {
      return "not built (no C compiler when the simulator was built)";
    }
    try {
      System.load(file(url).toString());
      return (supported() & 1) != 0 ? "loaded" : "this CPU lacks AVX-512 VNNI";
    } catch (IOException | URISyntaxException | NoSuchAlgorithmException | LinkageError | SecurityException e) {
      return "could not be loaded: " + e.getMessage();
    }
  }

  /**
   * The library as a file: the resource itself when the classes are a directory, else a copy in the temporary
   * directory named by its content hash (written to a temporary name and moved, so concurrent JVMs never load a
   * half-written file; one copy per library version).
   */
  private static Path file(URL url) throws IOException, URISyntaxException, NoSuchAlgorithmException {
    if (url.getProtocol().equals("file")) {
      return Path.of(url.toURI());
    }
    byte[] bytes;
    try (InputStream in = url.openStream()) {
      bytes = in.readAllBytes();
    }
    String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 12);
    Path dir = Path.of(System.getProperty("java.io.tmpdir"), "axdse-native-" + System.getProperty("user.name"));
    Files.createDirectories(dir);
    Path target = dir.resolve("axdse_kernels-" + hash + ".so");
    if (!Files.isRegularFile(target) || Files.size(target) != bytes.length) {
      Path tmp = Files.createTempFile(dir, "axdse_kernels-", ".tmp");
      try {
        Files.write(tmp, bytes);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(tmp);
      }
    }
    return target;
  }

  /** Bit 0: this CPU has AVX-512 F, BW, DQ, VL and VNNI (the exact GEMM); bit 1: and VBMI (the table kernel). */
  private static native int supported();

  /**
   * {@code c[n * ldc + col0 + i] = sum_k a[aOff + k * lda + i] * v(n, k)} for {@code n} in {@code rows[0 ..
   * count)} and {@code i < cols <= 128}, with {@code v} the packed weights of {@link NativeWeights}; {@code work}
   * holds the interleaved block (at least {@link #workBytes} bytes). False when the kernel could not run (nothing
   * written).
   */
  static native boolean gemm(byte[] a, int aOff, int lda, int cols, int kLen, boolean signedA, byte[] w, int kPad,
      int planes, int planeStride, int[] info, int[] rowSums, int rowsTotal, int[] rows, int count, int[] c, int ldc,
      int col0, byte[] work);

  /** The scratch bytes {@link #gemm} needs for a reduction of {@code kLen}: a 128-column block, 64 to align it. */
  static int workBytes(int kLen) {
    return ((kLen + 3) & ~3) * 128 + 64;
  }

  /**
   * The table rows of one block ({@link NativeTables}): for each {@code n = rows[i]}, {@code c[n * ldc + col0 +
   * j] = sum_k T_n[a(k, j)][codes[n * kLen + k]]} over the k of {@code order[n * kLen + skip[i] .. (n + 1) *
   * kLen)}, the table's byte planes at {@code planes[rowPlane[n] ..]} with base {@code rowBase[n]}. The algorithm
   * of {@link VectorTableKernel}, in C.
   */
  static native boolean table(byte[] a, int aOff, int lda, int cols, int kLen, byte[] codes, int[] order,
      int[] rows, int[] skip, int count, byte[] planes, int[] rowPlane, int[] rowBase, int codeCount, int[] c,
      int ldc, int col0);
}
