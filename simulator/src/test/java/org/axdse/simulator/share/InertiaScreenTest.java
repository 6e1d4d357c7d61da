package org.axdse.simulator.share;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.axdse.simulator.engine.TinyNets;
import org.axdse.simulator.model.ApproximableLayer;
import org.axdse.simulator.model.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InertiaScreenTest {
  @TempDir Path dir;

  @Test
  void eachStepLowersTheLayerWithTheLeastProxyPerBitSaved() {
    Model m = new TinyNets(8).cnn(dir);
    int[] ks = {2, 4, 8};
    InertiaScreen screen = InertiaScreen.of(m, ShareGranularity.CHANNEL, ks, 8, false, 2, Map.of());
    List<SharingPlan> path = screen.path();
    List<ApproximableLayer> layers = m.approximableLayers();
    // every layer steps down twice: 1 + 2 x 4 plans, from all 8 to all 2
    assertEquals(1 + 2 * layers.size(), path.size());
    assertEquals(SharingPlan.uniform(m, ShareGranularity.CHANNEL, 8), path.get(0));
    assertEquals(SharingPlan.uniform(m, ShareGranularity.CHANNEL, 2), path.get(path.size() - 1));
    for (int s = 1; s < path.size(); s++) {
      SharingPlan before = path.get(s - 1);
      long bits = SharingMemory.of(m, before, 8, false).bits();
      double proxy = WeightSharing.apply(m, before, 1).proxy();
      // brute force: every possible single step from 'before', its proxy per bit saved from a fresh clustering
      double best = Double.POSITIVE_INFINITY;
      for (ApproximableLayer l : layers) {
        int k = before.kOf(l.name());
        if (k == 2) {
          continue;
        }
        SharingPlan next = before.with(l.name(), k / 2);
        double rate = Math.max(0, WeightSharing.apply(m, next, 1).proxy() - proxy)
            / (bits - SharingMemory.of(m, next, 8, false).bits());
        best = Math.min(best, rate);
      }
      SharingPlan taken = path.get(s);
      double rate = Math.max(0, WeightSharing.apply(m, taken, 1).proxy() - proxy)
          / (bits - SharingMemory.of(m, taken, 8, false).bits());
      assertEquals(best, rate, 1e-9 * (1 + best), "step " + s);
      assertEquals(screen.proxyOf(taken), WeightSharing.apply(m, taken, 1).proxy(), 1e-9);
      assertTrue(SharingMemory.of(m, taken, 8, false).bits() < bits);
    }
  }
}
