package org.axdse.explorer.encoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.results.run.MultiplierInfo;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.assign.LayerAssignment;
import org.axdse.simulator.share.ShareGranularity;
import org.junit.jupiter.api.Test;

/**
 * The flattened (multiplier, k) choices: every pair appears once per layer (k above a layer's group size left
 * out), the library order puts the exact designs and their shared forms first, an assignment of pairs splits into
 * multipliers and a plan, and restrictions keep shared choices unless they name pairs.
 */
class SharedChoicesTest {
  private static SearchSpace space() {
    List<MultiplierInfo> lib = List.of(new MultiplierInfo("e8", 1, 1), new MultiplierInfo("e4", 0.5, 0.5),
        new MultiplierInfo("a8", 0.7, 0.7), new MultiplierInfo("a4", 0.3, 0.3));
    return new SearchSpace("m", "d", "e8", lib, List.of(ApproximableLayer.of("L0", 2, List.of("e8", "e4", "a4")),
        ApproximableLayer.of("L1", 3, List.of("e8", "e4", "a8", "a4"))));
  }

  @Test
  void everyPairOnceInLibraryOrder() {
    SearchSpace s = SharedChoices.expand(space(), new int[] {2, 16}, 2, new int[] {9, 64});
    assertEquals(List.of("e8", "e4", "e8@16", "e4@16", "e8@2", "e4@2", "a8", "a4", "a8@16", "a4@16", "a8@2", "a4@2"),
        s.library().stream().map(MultiplierInfo::name).toList());
    // L0 allows e8, e4, a4; its groups hold 9 weights, so k = 16 is not offered
    assertEquals(List.of("e8", "e4", "e4@2", "e8@2", "a4", "a4@2").stream().sorted().toList(),
        s.layers().get(0).allowed().stream().sorted().toList());
    assertEquals("e8", s.layers().get(0).allowed().get(0), "the exact multiplier unshared stays first");
    List<String> expected = new ArrayList<>();
    for (String m : List.of("e8", "e4", "a8", "a4")) {
      for (int k : new int[] {0, 2, 16}) {
        expected.add(SharedChoices.name(m, k));
      }
    }
    assertEquals(expected.stream().sorted().toList(), s.layers().get(1).allowed().stream().sorted().toList());
    assertEquals(0.3, s.multiplier("a4@2").relativePower(), 0.0, "a pair has its multiplier's figures");
  }

  @Test
  void splitGivesMultipliersAndPlan() {
    Assignment a = new Assignment(Map.of("L0", LayerAssignment.uniform("e4@2"), "L1",
        LayerAssignment.uniform("a8")));
    SharedChoices.Split s = SharedChoices.split(a, ShareGranularity.CHANNEL);
    assertEquals("e4", ((LayerAssignment.Uniform) s.assignment().layers().get("L0")).multiplier());
    assertEquals("a8", ((LayerAssignment.Uniform) s.assignment().layers().get("L1")).multiplier());
    assertEquals(Map.of("L0", 2), s.plan().k());
    assertEquals(ShareGranularity.CHANNEL, s.plan().granularity());
    assertThrows(BadInputException.class, () -> SharedChoices.split(new Assignment(Map.of("L0",
        LayerAssignment.perChannel(List.of("e8@4", "e8")))), ShareGranularity.CHANNEL));
    assertThrows(BadInputException.class, () -> SharedChoices.k("e8@x"));
  }

  @Test
  void restrictionsKeepSharedChoicesUnlessTheyNamePairs() {
    SearchSpace s = SharedChoices.expand(space(), new int[] {4}, 2, new int[] {64, 64});
    SearchSpace r = s.restrict(Map.of("L0", List.of("e8"), "L1", List.of("e8", "a4@4")), "--restrict");
    assertEquals(List.of("e8", "e8@4"), r.layers().get(0).allowed());
    assertEquals(List.of("e8", "a4@4"), r.layers().get(1).allowed());
    assertTrue(SharedChoices.anyShared(new Assignment(Map.of("L0", LayerAssignment.uniform("e8@4")))));
  }
}
