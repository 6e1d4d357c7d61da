package org.axdse.explorer.encoding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.results.run.MultiplierInfo;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.assign.LayerAssignment;
import org.junit.jupiter.api.Test;

class GenomeCodecTest {
  static final List<MultiplierInfo> LIB = List.of(new MultiplierInfo("exact", 1, 1),
      new MultiplierInfo("a", 0.5, 0.4), new MultiplierInfo("b", 0.3, 0.2));

  static SearchSpace space() {
    return new SearchSpace("m", "d", "exact", LIB, List.of(
        ApproximableLayer.of("conv1", 4, List.of("exact", "a", "b")),
        new ApproximableLayer("conv2", 5, List.of("exact", "b"), new int[] {4, 0, 3, 1, 2})));
  }

  @Test
  void layerGranularityHasOneGenePerLayerAndAnLcmRange() {
    GenomeCodec c = GenomeCodec.of(space(), Granularity.layer());
    assertEquals(2, c.length());
    assertEquals(6, c.range(), "lcm(3, 2) = 6: every entry equally likely");
    int[] g = c.canonical(new int[] {5, 5});
    assertArrayEquals(new int[] {2, 1}, g, "5 mod 3 = 2, 5 mod 2 = 1");
    Assignment a = c.assignment(g);
    assertEquals(LayerAssignment.uniform("b"), a.of("conv1").orElseThrow());
    assertEquals(LayerAssignment.uniform("b"), a.of("conv2").orElseThrow());
    assertEquals(List.of(), c.allChannelMultipliers(g));
    assertEquals(1, c.distinct(g).size());
  }

  @Test
  void kernelGranularityAssignsEachChannel() {
    GenomeCodec c = GenomeCodec.of(space(), Granularity.kernel());
    assertEquals(4 + 5, c.length());
    int[] g = {0, 1, 2, 0, 1, 1, 0, 0, 0};
    assertEquals(List.of("exact", "a", "b", "exact"), c.channelMultipliers(g, 0));
    assertEquals(List.of("b", "b", "exact", "exact", "exact"), c.channelMultipliers(g, 1));
    assertEquals(List.of("exact", "exact"), c.layerMultipliers(g), "conv1: exact used twice (the most)");
    assertTrue(c.assignment(g).of("conv1").orElseThrow() instanceof LayerAssignment.PerChannel);
  }

  @Test
  void groupGranularityCutsTheSensitivityRankingIntoContiguousGroups() {
    GenomeCodec c = GenomeCodec.of(space(), Granularity.groups(2));
    assertEquals(2 + 2, c.length());
    // conv2 ranks channels 4,0,3,1,2 (least sensitive first): groups {4,0} and {3,1,2} (5*1/2 = 2).
    int[] g = {0, 0, 1, 0};
    assertEquals(List.of("b", "exact", "exact", "exact", "b"), c.channelMultipliers(g, 1));
    // conv1 is not ranked: index order, groups {0,1} and {2,3}
    assertEquals(List.of("exact", "exact", "exact", "exact"), c.channelMultipliers(g, 0));
    GenomeCodec many = GenomeCodec.of(space(), Granularity.groups(10));
    assertEquals(4 + 5, many.length(), "a layer with fewer channels than G gets one group per channel");
  }

  @Test
  void uniformAndWithLayerRespectTheAllowedLists() {
    GenomeCodec c = GenomeCodec.of(space(), Granularity.kernel());
    assertArrayEquals(new int[] {1, 1, 1, 1, 0, 0, 0, 0, 0}, c.uniform("a"), "conv2 cannot use a: stays exact");
    assertArrayEquals(new int[9], c.allExact());
    assertArrayEquals(new int[] {0, 0, 0, 0, 1, 1, 1, 1, 1}, c.withLayer(c.allExact(), 1, "b"));
    assertThrows(IllegalArgumentException.class, () -> c.withLayer(c.allExact(), 1, "a"));
  }

  @Test
  void restrictionsNarrowLayersAndRejectUnknownNames() {
    SearchSpace r = space().restrict(Map.of("conv1", List.of("b", "exact")), "--restrict");
    assertEquals(List.of("exact", "b"), r.layers().get(0).allowed(), "kept in the layer's order");
    assertThrows(BadInputException.class, () -> space().restrict(Map.of("conv9", List.of("a")), "x"));
    assertThrows(BadInputException.class, () -> space().restrict(Map.of("conv1", List.of("zz")), "x"));
    BadInputException none = assertThrows(BadInputException.class,
        () -> space().restrict(Map.of("conv2", List.of("a")), "x"));
    assertTrue(none.getMessage().contains("conv2"), none.getMessage());
    SearchSpace exactOnly = space().restrict(Map.of("conv1", List.of("exact"), "conv2", List.of("exact")), "x");
    assertThrows(BadInputException.class, () -> exactOnly.requireApproximation("lib", "signed 8x8"));
  }

  @Test
  void granularityAndRestrictionFlagsParse() {
    assertEquals(Granularity.groups(4), Granularity.parse("group:4"));
    assertEquals("kernel", Granularity.parse("kernel").toString());
    assertThrows(IllegalArgumentException.class, () -> Granularity.parse("group:0"));
    assertThrows(IllegalArgumentException.class, () -> Granularity.parse("channel"));
    assertEquals(Map.of("conv1", List.of("a", "b"), "conv2", List.of("exact")),
        Restrictions.parse(List.of("conv1=a,b;conv2=exact")));
    assertThrows(BadInputException.class, () -> Restrictions.parse(List.of("conv1=a", "conv1=b")));
    assertThrows(BadInputException.class, () -> Restrictions.parse(List.of("conv1=")));
  }
}
