package org.axdse.explorer.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.axdse.results.run.Metric;
import org.junit.jupiter.api.Test;

class BudgetAndObjectivesTest {
  @Test
  void durationsParseAndFormat() {
    assertEquals(Duration.ofHours(8), Budget.parseDuration("8h"));
    assertEquals(Duration.ofMinutes(90), Budget.parseDuration("1h30m"));
    assertEquals(Duration.ofSeconds(45), Budget.parseDuration("PT45S"));
    assertEquals("1h30m", Budget.format(Duration.ofMinutes(90)));
    assertThrows(IllegalArgumentException.class, () -> Budget.parseDuration("8 hours"));
    assertThrows(IllegalArgumentException.class, () -> Budget.parseDuration(""));
    assertThrows(IllegalArgumentException.class, () -> new Budget(0, null));
  }

  @Test
  void budgetStopsAtWhicheverLimitComesFirst() {
    Budget b = new Budget(10, Duration.ofSeconds(60));
    assertFalse(b.exhausted(9, 59.9));
    assertTrue(b.exhausted(10, 1));
    assertTrue(b.exhausted(3, 60));
  }

  @Test
  void objectivesParseInCanonicalOrder() {
    ObjectiveSet o = ObjectiveSet.parse("types,energy,accuracy", "system");
    assertEquals(List.of(Metric.ACCURACY, Metric.SYSTEM_ENERGY, Metric.TYPES), o.metrics());
    assertEquals("accuracy,energy,types", o.flag());
    assertThrows(IllegalArgumentException.class, () -> ObjectiveSet.parse("accuracy", "multiplier"));
    assertThrows(IllegalArgumentException.class, () -> ObjectiveSet.parse("accuracy,energy,speed", "multiplier"));
    assertThrows(IllegalArgumentException.class, () -> ObjectiveSet.parse("accuracy,energy", "total"));
  }

  @Test
  void settingsRoundTripThroughTheirMap() {
    SearchSettings s = SearchSettings.builder().setModel("m").setData("d").setGenerations(5)
        .setTimeBudget(Duration.ofMinutes(90)).optMaxAccuracyDrop(1.5)
        .optObjectives(ObjectiveSet.parse("accuracy,energy,area", "multiplier"))
        .optGranularity(org.axdse.explorer.encoding.Granularity.groups(4))
        .optRestrictions(java.util.Map.of("conv1", List.of("a"))).build();
    assertEquals(s, SearchSettings.fromMap(s.toMap()));
  }
}
