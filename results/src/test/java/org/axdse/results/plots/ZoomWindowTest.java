package org.axdse.results.plots;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.axdse.results.run.DemoRun;
import org.axdse.results.run.EvaluatedPoint;
import org.axdse.results.run.Metric;
import org.axdse.results.run.Run;
import org.axdse.results.run.SyntheticRun;
import org.junit.jupiter.api.Test;

class ZoomWindowTest {
  @Test
  void windowReachesThreePointsBelowExactAndHoldsEveryPointInThatBand() {
    Run run = DemoRun.read();
    Metric y = ParetoScatterPlot.accuracyMetric(run);
    ZoomWindow w = ZoomWindow.of(run, Metric.MULTIPLIER_ENERGY, y);
    double exact = y.displayValue(ParetoScatterPlot.exactPoint(run));
    double floor = exact - ZoomWindow.POINTS;
    assertTrue(w.yLow() <= floor && w.yLow() > floor - 1, "y from just below " + floor + ": " + w);
    List<EvaluatedPoint> all = new ArrayList<>(run.points());
    run.baselines().forEach(b -> all.addAll(b.points()));
    int inBand = 0;
    for (EvaluatedPoint p : all) {
      if (y.displayValue(p) >= floor) {
        inBand++;
        assertTrue(p.multiplierEnergy() >= w.xLow() && p.multiplierEnergy() <= w.xHigh(), "point " + p.id());
        assertTrue(y.displayValue(p) <= w.yHigh(), "point " + p.id());
      }
    }
    assertTrue(inBand >= 2);
    // The window is narrower than the whole plane: the demo's front reaches down to 10 % accuracy.
    assertTrue(w.xLow() > 0.3, w.toString());
  }

  @Test
  void noWindowWhenOnlyOnePointIsNearTheBest() {
    Run synthetic = SyntheticRun.run(4);
    EvaluatedPoint only = synthetic.points().get(0);
    Run one = new Run(synthetic.config(), List.of(only), List.of(only), synthetic.history(), List.of(),
        synthetic.timings());
    assertNull(ZoomWindow.of(one, Metric.MULTIPLIER_ENERGY, Metric.SCREENING_ACCURACY));
    ZoomWindow w = ZoomWindow.of(synthetic, Metric.MULTIPLIER_ENERGY, Metric.SCREENING_ACCURACY);
    double exact = 100 * ParetoScatterPlot.exactPoint(synthetic).screeningAccuracy();
    assertTrue(w.yLow() <= exact - ZoomWindow.POINTS && w.yLow() > exact - ZoomWindow.POINTS - 1, w.toString());
  }
}
