package org.axdse.explorer.evolve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One layer's result: the evolved designs that no other evolved design dominates (error under the layer's
 * distribution, relative power), cheapest first, and the built-in designs of the format under the same
 * distribution. {@link #bestBuiltinAtMost} answers the question: at equal (or lower) power, what error
 * does the best built-in design reach?
 */
public record LayerFront(String layer, List<EvolvedDesign> evolved, List<DesignPoint> builtin) {
  public LayerFront {
    evolved = List.copyOf(evolved);
    builtin = List.copyOf(builtin);
  }

  /** The non-dominated designs of {@code all}, one per distinct table, cheapest first. */
  static List<EvolvedDesign> front(List<EvolvedDesign> all) {
    List<EvolvedDesign> out = new ArrayList<>();
    for (EvolvedDesign d : all) {
      boolean keep = !d.multiplier().table().isExact();
      for (EvolvedDesign o : all) {
        if (o != d && (o.point().dominates(d.point()) || o.multiplier().table().equals(d.multiplier().table())
            && all.indexOf(o) < all.indexOf(d))) {
          keep = false;
        }
      }
      if (keep) {
        out.add(d);
      }
    }
    out.sort(Comparator.comparingDouble((EvolvedDesign d) -> d.point().relativePower()).thenComparing(
        d -> d.point().name()));
    return out;
  }

  /** The built-in design of least error among those whose relative power is at most {@code power}. */
  public Optional<DesignPoint> bestBuiltinAtMost(double power) {
    return builtin.stream().filter(b -> b.relativePower() <= power)
        .min(Comparator.comparingDouble(DesignPoint::error).thenComparing(DesignPoint::name));
  }
}
