package org.axdse.simulator.kernels;

import java.util.Locale;
import jdk.incubator.vector.ByteVector;

/**
 * Which implementation the kernels use. Both give bit-identical results; {@link #SCALAR} is the portable one,
 * {@link #VECTOR} needs 512-bit vectors (AVX-512). Chosen by the system property {@code axdse.kernels}
 * ({@code scalar}, {@code vector} or {@code auto}, the default: vector where supported).
 */
public enum KernelMode {
  SCALAR,
  VECTOR;

  /** The system property that forces a mode. */
  public static final String PROPERTY = "axdse.kernels";

  /** True when this machine runs 512-bit vectors natively. */
  public static boolean vectorSupported() {
    return ByteVector.SPECIES_PREFERRED.vectorBitSize() >= 512;
  }

  /** The mode named by {@value #PROPERTY}, or the best supported one when it is unset or {@code auto}. */
  public static KernelMode fromSystemProperty() {
    String v = System.getProperty(PROPERTY, "auto").strip().toLowerCase(Locale.ROOT);
    return switch (v) {
      case "auto" -> vectorSupported() ? VECTOR : SCALAR;
      case "scalar" -> SCALAR;
      case "vector" -> {
        if (!vectorSupported()) {
          throw new IllegalStateException("-D" + PROPERTY + "=vector: this machine has no 512-bit vectors");
        }
        yield VECTOR;
      }
      default -> throw new IllegalArgumentException(
          "-D" + PROPERTY + "=" + v + ": expected scalar, vector or auto");
    };
  }
}
