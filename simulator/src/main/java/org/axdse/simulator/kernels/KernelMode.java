package org.axdse.simulator.kernels;

import java.util.Locale;
import jdk.incubator.vector.ByteVector;
import org.axdse.multipliers.util.BadInputException;

/**
 * Which implementation the kernels use. All give bit-identical results; {@link #SCALAR} is the portable one,
 * {@link #VECTOR} needs 512-bit vectors (AVX-512), {@link #NATIVE} is {@link #VECTOR} with the exact GEMMs and
 * the 16-bit table lookups in the native kernels ({@link NativeKernels}) where they loaded (else it computes as {@link #VECTOR}). Chosen by the
 * system property {@code axdse.kernels} ({@code scalar}, {@code vector}, {@code native} or {@code auto}, the
 * default: native where it loaded, else vector where supported).
 */
public enum KernelMode {
  SCALAR,
  VECTOR,
  NATIVE;

  /** The system property that forces a mode. */
  public static final String PROPERTY = "axdse.kernels";

  /** True when this machine runs 512-bit vectors natively. */
  public static boolean vectorSupported() {
    return ByteVector.SPECIES_PREFERRED.vectorBitSize() >= 512;
  }

  /** True for the modes that run the Java Vector API kernels ({@link #VECTOR} and {@link #NATIVE}). */
  public boolean vector() {
    return this != SCALAR;
  }

  /**
   * Whether the native kernels run here: {@code loaded} (with {@code , table kernel too} or {@code , exact GEMM
   * only}) or why not (not built, another platform, a CPU without VNNI).
   */
  public static String nativeStatus() {
    if (!NativeKernels.available()) {
      return NativeKernels.status();
    }
    return NativeKernels.tablesAvailable() ? "loaded, exact and table" : "loaded, exact only (no VBMI)";
  }

  /** True when exact GEMMs go to the native kernel: {@link #NATIVE} and the kernel loaded on this machine. */
  boolean nativeExact() {
    return this == NATIVE && NativeKernels.available();
  }

  /** True when 16-bit table rows go to the native table kernel: {@link #NATIVE}, loaded, and the CPU has VBMI. */
  boolean nativeTables() {
    return this == NATIVE && NativeKernels.tablesAvailable();
  }

  /**
   * The mode named by {@value #PROPERTY}, or the best supported one when it is unset or {@code auto}; an unknown
   * value, or a mode this machine cannot run, is a {@link BadInputException} (one line, exit code 2).
   */
  public static KernelMode fromSystemProperty() {
    String v = System.getProperty(PROPERTY, "auto").strip().toLowerCase(Locale.ROOT);
    return switch (v) {
      case "auto" -> !vectorSupported() ? SCALAR : NativeKernels.available() ? NATIVE : VECTOR;
      case "scalar" -> SCALAR;
      case "vector" -> {
        if (!vectorSupported()) {
          throw new BadInputException("-D" + PROPERTY + "=vector: this machine has no 512-bit vectors");
        }
        yield VECTOR;
      }
      case "native" -> {
        if (!vectorSupported() || !NativeKernels.available()) {
          throw new BadInputException("-D" + PROPERTY + "=native: the native kernel is not available ("
              + NativeKernels.status() + ")");
        }
        yield NATIVE;
      }
      default -> throw new BadInputException("-D" + PROPERTY + "=" + v + ": expected scalar, vector, native or auto");
    };
  }
}
