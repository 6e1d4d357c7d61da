package org.axdse.explorer.evolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.axdse.simulator.predict.LossCheck;
import org.junit.jupiter.api.Test;

/**
 * The two selection rules against second formulations (built-in designs by falling or rising power, the running
 * minimum of their simulated loss), Spearman's rank correlation against Pearson's correlation of hand-computed mean ranks, and the
 * restriction the search gets.
 */
class DesignSelectionTest {
  private static CheckedDesign design(String name, boolean evolved, double power, double predicted, double loss) {
    return new CheckedDesign(name, evolved, power, predicted, new LossCheck("l", name, loss, 0, 5, 5, 10));
  }

  @Test
  void keepsEvolvedDesignsByEitherRule() {
    SplittableRandom r = new SplittableRandom(11);
    int keptSome = 0;
    int droppedSome = 0;
    for (int trial = 0; trial < 300; trial++) {
      List<CheckedDesign> layer = new ArrayList<>();
      int n = 2 + r.nextInt(12);
      for (int i = 0; i < n; i++) {
        // Powers and losses on a coarse grid, so that equal powers and equal losses occur.
        layer.add(design("d" + i, r.nextBoolean(), r.nextInt(8) / 8.0, Double.NaN, r.nextInt(6)));
      }
      List<CheckedDesign> builtin = new ArrayList<>(layer.stream().filter(d -> !d.evolved()).toList());
      builtin.sort(Comparator.comparingDouble(CheckedDesign::relativePower).reversed());
      List<String> expected = new ArrayList<>();
      for (CheckedDesign e : layer) {
        if (!e.evolved()) {
          continue;
        }
        double best = Double.POSITIVE_INFINITY;
        for (CheckedDesign b : builtin) {
          if (b.relativePower() < e.relativePower()) {
            break;
          }
          best = Math.min(best, b.simulated().logitChange());
        }
        if (e.simulated().logitChange() < best) {
          expected.add(e.name());
        }
      }
      List<String> kept = DesignSelection.kept(layer, DesignSelection.Rule.DEARER);
      assertEquals(expected, kept, layer.toString());
      // Undominated: built-in designs by rising power, the running minimum of those of at most e's power.
      builtin.sort(Comparator.comparingDouble(CheckedDesign::relativePower));
      List<String> undominated = new ArrayList<>();
      for (CheckedDesign e : layer) {
        double best = Double.POSITIVE_INFINITY;
        for (CheckedDesign b : builtin) {
          if (b.relativePower() > e.relativePower()) {
            break;
          }
          best = Math.min(best, b.simulated().logitChange());
        }
        if (e.evolved() && e.simulated().logitChange() < best) {
          undominated.add(e.name());
        }
      }
      assertEquals(undominated, DesignSelection.kept(layer, DesignSelection.Rule.UNDOMINATED), layer.toString());
      keptSome += kept.isEmpty() ? 0 : 1;
      droppedSome += kept.size() < layer.stream().filter(CheckedDesign::evolved).count() ? 1 : 0;
    }
    assertTrue(keptSome > 20 && droppedSome > 20, keptSome + " trials kept some, " + droppedSome + " dropped some");
  }

  @Test
  void anEvolvedDesignOfEqualLossToACheaperOrEqualBuiltinIsDropped() {
    List<CheckedDesign> layer = List.of(design("b", false, 0.5, 1, 2.0), design("e1", true, 0.5, 1, 2.0),
        design("e2", true, 0.4, 1, 1.9), design("e3", true, 0.6, 1, 9.0));
    // e1 ties b at equal power; e2 beats b (power 0.5 >= 0.4); e3 costs more than every built-in design.
    assertEquals(List.of("e2", "e3"), DesignSelection.kept(layer, DesignSelection.Rule.DEARER));
  }

  @Test
  void theIssuesCriterionComparesWithTheBuiltinDesignsOfAtMostTheSamePower() {
    List<CheckedDesign> layer = List.of(design("b1", false, 0.2, 1, 5.0), design("b2", false, 0.5, 1, 2.0),
        design("e1", true, 0.5, 1, 1.9), design("e2", true, 0.3, 1, 5.0), design("e3", true, 0.1, 1, 50));
    // e1 beats b1 (5.0) and b2 (2.0, equal power); e2 ties b1; e3 costs less than every built-in design.
    assertTrue(DesignSelection.beatsCheaperBuiltins(layer.get(2), layer));
    assertTrue(!DesignSelection.beatsCheaperBuiltins(layer.get(3), layer));
    assertTrue(DesignSelection.beatsCheaperBuiltins(layer.get(4), layer));
  }

  @Test
  void theRankCorrelationIsPearsonsOfMeanRanks() {
    double[] predicted = {0.3, 5, 2, 2, 40, 0.1, 7};
    double[] simulated = {1.0, 3, 9, 4, 30, 0.2, 3};
    // Mean ranks (1-based), ties sharing theirs.
    double[] rp = {2, 5, 3.5, 3.5, 7, 1, 6};
    double[] rs = {2, 3.5, 6, 5, 7, 1, 3.5};
    double mp = Arrays.stream(rp).average().orElseThrow();
    double ms = Arrays.stream(rs).average().orElseThrow();
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < rp.length; i++) {
      sxy += (rp[i] - mp) * (rs[i] - ms);
      sxx += (rp[i] - mp) * (rp[i] - mp);
      syy += (rs[i] - ms) * (rs[i] - ms);
    }
    List<CheckedDesign> designs = new ArrayList<>();
    for (int i = 0; i < predicted.length; i++) {
      designs.add(design("d" + i, i % 2 == 0, 0.1 * i, predicted[i], simulated[i]));
    }
    designs.add(design("unknown", true, 0.9, Double.NaN, 100));
    assertEquals(sxy / Math.sqrt(sxx * syy), DesignSelection.rankCorrelation(designs), 1e-12);
    assertTrue(Double.isNaN(DesignSelection.rankCorrelation(designs.subList(0, 2))));
  }

  @Test
  void theRestrictionAppendsTheKeptDesignsToEachLayersBuiltinList() {
    Map<String, List<String>> builtin = new LinkedHashMap<>();
    builtin.put("a", List.of("x_exact", "x_t8"));
    builtin.put("b", List.of("x_exact"));
    Map<String, List<String>> kept = Map.of("a", List.of("x_cgp_a1", "x_t8"), "c", List.of("x_cgp_c"));
    Map<String, List<String>> r = DesignSelection.restriction(builtin, kept);
    assertEquals(List.of("a", "b"), List.copyOf(r.keySet()));
    assertEquals(List.of("x_exact", "x_t8", "x_cgp_a1"), r.get("a"));
    assertEquals(List.of("x_exact"), r.get("b"));
  }
}
