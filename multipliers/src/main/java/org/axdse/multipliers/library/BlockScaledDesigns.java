package org.axdse.multipliers.library;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.axdse.multipliers.Multiplier;
import org.axdse.multipliers.format.Minifloat;

/**
 * Float designs with OCP Microscaling (MX v1.0) block scales: {@code <design>_mx32} is the float multiplier
 * {@code <design>} (same product table, same circuit) used with a shared power-of-two (E8M0) scale per block of 32
 * values along the reduction axis, for weights and activations alike, instead of one scale per tensor or channel.
 * The multiplier itself is the element multiplier: the block's exponent add happens once per 32 products, outside
 * it, and is not in its cost. The name carries the scaling, as a design's name carries its format, so an
 * assignment, a search's gene, {@code deploy.json} and the cluster name it like any multiplier. The OCP names
 * {@code mxfp8}, {@code mxfp6}, {@code mxfp4} stand for the element formats E4M3, E2M3 and E2M1 with these scales.
 */
public final class BlockScaledDesigns {
  /** The name suffix of a block-scaled design. */
  public static final String SUFFIX = "_mx32";

  /** The values that share one scale (OCP MX v1.0). */
  public static final int BLOCK = 32;

  private BlockScaledDesigns() {}

  /** True when {@code m} is a float design with MX block scales. */
  public static boolean isBlockScaled(Multiplier m) {
    return m.format().isFloat() && m.name().endsWith(SUFFIX);
  }

  /** The block-scaled design's name of float design {@code base}. */
  public static String nameOf(String base) {
    return base + SUFFIX;
  }

  /**
   * The block-scaled design called {@code name} when it ends in {@link #SUFFIX} and {@code base} finds a float
   * design of the name without it; empty otherwise.
   */
  static Optional<Multiplier> resolve(String name, Function<String, Optional<Multiplier>> base) {
    if (!name.endsWith(SUFFIX) || name.length() == SUFFIX.length()) {
      return Optional.empty();
    }
    return base.apply(name.substring(0, name.length() - SUFFIX.length()))
        .filter(m -> m.format().isFloat() && !m.name().endsWith(SUFFIX)
            && AccumulatedDesigns.accumulator(m).isEmpty())
        .map(m -> new Multiplier(name, m.description() + "; OCP MX block scales (E8M0 per 32 values)", m.table(),
            m.netlist(), m.published()));
  }

  /**
   * The element format of a block-scaled format name: {@code mxfp8} (E4M3), {@code mxfp6} (E2M3), {@code mxfp4}
   * (E2M1), or {@code <minifloat>_mx32}; empty for any other name (which may still be a plain minifloat).
   */
  public static Optional<Minifloat> element(String formatName) {
    String lower = formatName.strip().toLowerCase(Locale.ROOT);
    return switch (lower) {
      case "mxfp8" -> Optional.of(Minifloat.e4m3());
      case "mxfp6" -> Optional.of(Minifloat.e2m3());
      case "mxfp4" -> Optional.of(Minifloat.e2m1());
      default -> lower.endsWith(SUFFIX) && lower.length() > SUFFIX.length()
          ? Optional.of(Minifloat.parse(lower.substring(0, lower.length() - SUFFIX.length())))
          : Optional.empty();
    };
  }
}
