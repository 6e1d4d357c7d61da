package org.axdse.explorer.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.axdse.explorer.search.ObjectiveSet;
import org.axdse.explorer.search.SearchSettings;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.results.run.Metric;
import org.axdse.simulator.engine.WidthSet;
import org.junit.jupiter.api.Test;

/** {@code --weight-bits 4,6,8} and {@code --objectives ...,memory}: parsing, checkpoint round trip, refusals. */
class WeightWidthsOptionsTest {
  @Test
  void widthsSurviveTheCheckpointMap() {
    QuantOptions q = new QuantOptions(64, "", 8, true, "").withWidths(List.of(6, 4, 8));
    assertEquals(List.of(4, 6, 8), q.widths(), "kept ascending");
    SearchSettings s = SearchSettings.builder().setModel("m").setData("d").setGenerations(2).optQuantization(q)
        .build();
    assertEquals(q, SearchSettings.fromMap(s.toMap()).quantization());
    assertEquals("4,6,8", q.toMap().get("weight_widths"));
  }

  @Test
  void aSingleWidthKeepsTodaysMeaningAndMap() {
    QuantOptions q = new QuantOptions(64, "", 6, false, "");
    assertEquals(List.of(6), q.widths());
    assertTrue(q.widthSet().single());
    assertTrue(!q.toMap().containsKey("weight_widths"), "single-width checkpoints are written as before");
  }

  @Test
  void theWidestMustBeTheWeightBitsAndCompensationTakesSeveralWidths() {
    assertThrows(IllegalArgumentException.class, () -> new QuantOptions(10, "", 6, false, "").withWidths(List.of(4, 8)));
    QuantOptions q = new QuantOptions(10, "", 8, false, "").withCompensate("both").withWidths(List.of(4, 8));
    assertEquals(org.axdse.simulator.compensation.CompensationMethod.WEIGHTS_AND_BIAS, q.compensation());
    assertEquals(List.of(4, 8), q.widths());
  }

  @Test
  void widthListsAreParsedWithOneLineErrors() {
    assertEquals(List.of(2, 5, 8), WidthSet.parse("8, 2,5", "--weight-bits").widths());
    for (String bad : List.of("9", "1,8", "4,x", "4,4", "")) {
      BadInputException e = assertThrows(BadInputException.class, () -> WidthSet.parse(bad, "--weight-bits"));
      assertTrue(e.getMessage().startsWith("--weight-bits: ") && !e.getMessage().contains("\n"), e.getMessage());
    }
  }

  @Test
  void memoryIsAnObjectiveAfterTheOthers() {
    ObjectiveSet o = ObjectiveSet.parse("memory,accuracy,energy,types", "multiplier");
    assertEquals(List.of(Metric.ACCURACY, Metric.MULTIPLIER_ENERGY, Metric.TYPES, Metric.MEMORY), o.metrics());
    assertEquals("accuracy,energy,types,memory", o.flag());
    assertEquals(o, ObjectiveSet.parse(o.flag(), o.energy()));
  }
}
