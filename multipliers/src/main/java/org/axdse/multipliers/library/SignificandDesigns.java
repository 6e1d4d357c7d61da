package org.axdse.multipliers.library;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.axdse.multipliers.Multiplier;
import org.axdse.multipliers.format.Minifloat;
import org.axdse.multipliers.generators.IntegerSignificandDesign;
import org.axdse.multipliers.netlist.Netlist;
import org.axdse.multipliers.util.BadInputException;

/**
 * Float designs whose significand product is an integer design of the catalog ({@link IntegerSignificandDesign}):
 * {@code <format>_sig_<integer>} (exact product word) and {@code <format>_sig_<integer>_rne} (rounded to the
 * format), e.g. {@code e4m3_sig_u8x8_mitchell}, {@code e4m3_sig_mul8u_2AC}. Any name of this shape resolves, for
 * built-in and library-directory integer designs alike; a library directory's designs are also listed among the
 * float designs of every format ({@link #composedOf}), so a search with {@code --library} offers them. Each
 * composition is built once per JVM and circuit.
 */
public final class SignificandDesigns {
  private record Key(String name, Netlist integer) {}

  private static final Map<Key, Multiplier> BUILT = new ConcurrentHashMap<>();

  private SignificandDesigns() {}

  /**
   * The float design called {@code name} when it has the shape {@code <format>_sig_<integer>[_rne]} with a
   * minifloat written canonically; empty for any other name.
   *
   * @param integers finds an integer design by name
   * @throws BadInputException one line naming the design when the integer design is unknown, has no circuit, or
   *     cannot multiply the format's significands (signed, float, too narrow)
   */
  static Optional<Multiplier> resolve(String name, Function<String, Optional<Multiplier>> integers) {
    int at = name.indexOf(IntegerSignificandDesign.INFIX);
    if (at <= 0) {
      return Optional.empty();
    }
    Minifloat f;
    try {
      f = Minifloat.parse(name.substring(0, at));
    } catch (BadInputException | IllegalArgumentException e) {
      return Optional.empty();
    }
    if (!f.name().equals(name.substring(0, at))) {
      return Optional.empty();
    }
    String rest = name.substring(at + IntegerSignificandDesign.INFIX.length());
    Optional<Multiplier> integer = rest.isEmpty() ? Optional.empty() : integers.apply(rest);
    boolean rounded = integer.isEmpty() && rest.endsWith("_rne");
    if (rounded) {
      rest = rest.substring(0, rest.length() - "_rne".length());
      integer = rest.isEmpty() ? Optional.empty() : integers.apply(rest);
    }
    String integerName = rest;
    Multiplier m = integer.orElseThrow(() -> new BadInputException("multiplier '" + name
        + "': unknown integer multiplier '" + integerName + "' for the significand product (see 'axdse multipliers"
        + " list --unsigned'; add --library DIR for your own designs)"));
    return Optional.of(compose(name, f, m, rounded));
  }

  private static Multiplier compose(String name, Minifloat f, Multiplier integer, boolean rounded) {
    Netlist n = integer.netlist();
    if (n == null) {
      throw new BadInputException("multiplier '" + name + "': significand multiplier '" + integer.name()
          + "' is table-only; a float design instantiates the integer design's circuit, so it needs a netlist"
          + " (Verilog or a generated design)");
    }
    IntegerSignificandDesign.problem(f, n.format(), n.productBits()).ifPresent(p -> {
      throw new BadInputException("multiplier '" + name + "': significand multiplier '" + integer.name() + "' "
          + p);
    });
    return BUILT.computeIfAbsent(new Key(name, n),
        k -> new IntegerSignificandDesign(f, integer.name(), n, rounded).build());
  }

  /**
   * The float designs of {@code f} (exact word and rounded) on every design of {@code integers} that has a circuit
   * able to multiply its significands; the others are left out.
   */
  static List<Multiplier> composedOf(Minifloat f, Collection<Multiplier> integers) {
    List<Multiplier> out = new ArrayList<>();
    for (Multiplier m : integers) {
      Netlist n = m.netlist();
      if (n != null && IntegerSignificandDesign.problem(f, n.format(), n.productBits()).isEmpty()) {
        for (boolean rounded : new boolean[] {false, true}) {
          String name = new IntegerSignificandDesign(f, m.name(), n, rounded).name();
          out.add(compose(name, f, m, rounded));
        }
      }
    }
    return out;
  }
}
