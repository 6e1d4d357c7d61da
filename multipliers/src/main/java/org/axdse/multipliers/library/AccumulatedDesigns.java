package org.axdse.multipliers.library;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.axdse.multipliers.Multiplier;
import org.axdse.multipliers.util.BadInputException;

/**
 * Float designs whose layer sums its products in a narrower float accumulator: {@code <design>_acc<fp32|fp16|bf16>}
 * is the float multiplier {@code <design>} (same product table, same circuit) in a layer that rounds its running sum
 * to IEEE binary32, binary16 or bfloat16 (round to nearest, ties to even) after every product, in reduction order,
 * instead of summing exactly (the default, a Kulisch-style accumulator). The accumulator is outside the multiplier,
 * so the cost is the design's. As with {@link BlockScaledDesigns}, the name carries the choice, so assignments,
 * {@code deploy.json}, searches and the cluster name it like any multiplier. Only per-tensor float designs take it;
 * the simulator checks that the accumulator holds every product of the design.
 */
public final class AccumulatedDesigns {
  /** The accumulators a name may ask for, as in {@code --accumulate}. */
  public static final List<String> ACCUMULATORS = List.of("fp32", "fp16", "bf16");

  private static final String SUFFIX = "_acc";

  private AccumulatedDesigns() {}

  /** The accumulator ({@code fp32}, {@code fp16}, {@code bf16}) of float design {@code m}; empty: exact sums. */
  public static Optional<String> accumulator(Multiplier m) {
    return m.format().isFloat() ? suffix(m.name()) : Optional.empty();
  }

  /** The name of float design {@code base} summed in {@code accumulator} ({@code fp32}, {@code fp16}, {@code bf16}). */
  public static String nameOf(String base, String accumulator) {
    if (!ACCUMULATORS.contains(accumulator)) {
      throw new IllegalArgumentException("accumulator " + accumulator + " is not one of " + ACCUMULATORS);
    }
    return base + SUFFIX + accumulator;
  }

  private static Optional<String> suffix(String name) {
    return ACCUMULATORS.stream().filter(a -> name.endsWith(SUFFIX + a) && name.length() > (SUFFIX + a).length())
        .findFirst();
  }

  /**
   * The design called {@code name} when it ends in {@code _acc<fp32|fp16|bf16>} and {@code base} finds a float
   * design of the name without it; empty otherwise.
   *
   * @param base finds every design but those with an accumulator (so a second accumulator is an unknown name)
   * @throws BadInputException one line when the base is block-scaled (MX layers sum their block partials exactly)
   */
  static Optional<Multiplier> resolve(String name, Function<String, Optional<Multiplier>> base) {
    Optional<String> acc = suffix(name);
    if (acc.isEmpty()) {
      return Optional.empty();
    }
    String baseName = name.substring(0, name.length() - (SUFFIX + acc.get()).length());
    Optional<Multiplier> found = base.apply(baseName).filter(m -> m.format().isFloat());
    if (found.isPresent() && BlockScaledDesigns.isBlockScaled(found.get())) {
      throw new BadInputException("multiplier '" + name + "': an accumulator choice applies to a float design"
          + " with per-tensor or per-channel scales; '" + baseName + "' is block-scaled (MX layers sum block"
          + " partials exactly)");
    }
    return found.map(m -> new Multiplier(name, m.description() + "; sums rounded to " + acc.get()
        + " after every product", m.table(), m.netlist(), m.published()));
  }
}
