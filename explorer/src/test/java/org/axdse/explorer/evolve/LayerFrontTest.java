package org.axdse.explorer.evolve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.axdse.multipliers.Multiplier;
import org.axdse.multipliers.cgp.WeightedError;
import org.axdse.multipliers.cost.CostFigures;
import org.axdse.multipliers.library.BuiltinLibrary;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.Signedness;
import org.junit.jupiter.api.Test;

/** The per-layer front and the built-in comparison against brute force over random points. */
class LayerFrontTest {
  private static final List<Multiplier> APPROX = BuiltinLibrary.all(MultiplierFormat.of(8, Signedness.SIGNED))
      .stream().filter(m -> !m.table().isExact()).toList();

  private static DesignPoint point(String name, double error, double power) {
    return new DesignPoint(name, new WeightedError(0, 0, 0, 1, 1), error, CostFigures.estimate(1, 1, power, 0),
        power);
  }

  @Test
  void theFrontIsTheNonDominatedDistinctTablesCheapestFirst() {
    SplittableRandom r = new SplittableRandom(4);
    for (int trial = 0; trial < 50; trial++) {
      List<EvolvedDesign> all = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        Multiplier m = APPROX.get(r.nextInt(6)); // repeated tables on purpose
        all.add(new EvolvedDesign(m, null, point(m.name() + "#" + i, r.nextInt(5), r.nextInt(5))));
      }
      List<EvolvedDesign> expected = new ArrayList<>();
      for (int i = 0; i < all.size(); i++) {
        EvolvedDesign d = all.get(i);
        boolean dominated = false;
        boolean laterCopy = false;
        for (int j = 0; j < all.size(); j++) {
          DesignPoint o = all.get(j).point();
          dominated |= o.error() <= d.point().error() && o.relativePower() <= d.point().relativePower()
              && (o.error() < d.point().error() || o.relativePower() < d.point().relativePower());
          laterCopy |= j < i && all.get(j).multiplier().table().equals(d.multiplier().table());
        }
        if (!dominated && !laterCopy) {
          expected.add(d);
        }
      }
      expected.sort(java.util.Comparator.comparingDouble((EvolvedDesign d) -> d.point().relativePower())
          .thenComparing(d -> d.point().name()));
      assertEquals(expected, LayerFront.front(all), "trial " + trial);
    }
  }

  @Test
  void theBestBuiltinAtMostAPowerHasTheLeastErrorAmongThoseThatCostNoMore() {
    List<DesignPoint> builtin = List.of(point("a", 0.5, 0.1), point("b", 0.2, 0.3), point("c", 0.1, 0.6),
        point("d", 0.3, 0.3));
    LayerFront f = new LayerFront("l", List.of(), builtin);
    assertEquals("b", f.bestBuiltinAtMost(0.3).orElseThrow().name()); // b and d cost 0.3; b has less error
    assertEquals("a", f.bestBuiltinAtMost(0.29).orElseThrow().name());
    assertEquals("c", f.bestBuiltinAtMost(1).orElseThrow().name());
    assertEquals(java.util.Optional.empty(), f.bestBuiltinAtMost(0.05));
  }
}
