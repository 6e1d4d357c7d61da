package org.axdse.simulator.kernels;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.Vector;

/**
 * The two-table byte lookup {@code ByteVector.selectFrom(Vector, Vector)} (one {@code vpermi2b} on AVX-512
 * VBMI): lane i of the result is lane {@code idx[i] & 127} of the 128-byte table {@code t0 ++ t1}. The method
 * exists from JDK 24 on while the project compiles against the JDK 21 API, so it is bound through a constant
 * method handle, which the JIT inlines to the intrinsic; on older JDKs {@link #AVAILABLE} is false and the kernels
 * use the scalar lookup.
 */
final class TwoTableSelect {
  private static final MethodHandle SELECT = find();

  /** True when the running JDK has the two-table select. */
  static final boolean AVAILABLE = SELECT != null;

  private TwoTableSelect() {}

  private static MethodHandle find() {
    try {
      return MethodHandles.publicLookup().findVirtual(ByteVector.class, "selectFrom",
          MethodType.methodType(ByteVector.class, Vector.class, Vector.class));
    } catch (NoSuchMethodException | IllegalAccessException e) {
      return null;
    }
  }

  @SuppressWarnings("unchecked")
  static ByteVector select(ByteVector idx, ByteVector t0, ByteVector t1) {
    try {
      return (ByteVector) SELECT.invokeExact(idx, (Vector<Byte>) t0, (Vector<Byte>) t1);
    } catch (Throwable e) {
      throw new IllegalStateException("two-table select failed", e);
    }
  }
}
