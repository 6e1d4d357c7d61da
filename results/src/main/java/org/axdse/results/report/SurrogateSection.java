package org.axdse.results.report;

import java.nio.file.Path;
import java.util.List;
import org.axdse.results.plots.PredictionScatterPlot;
import org.axdse.results.run.PredictedPoint;
import org.axdse.multipliers.util.FitQuality;

/**
 * The report's surrogate section, for runs of {@code axdse search --surrogate} ({@code predictions.csv}): the
 * predicted-vs-simulated scatter of the points simulated on the surrogate's advice, with the Spearman rank
 * correlation, {@code R^2 = 1 - SS_res / SS_tot} of the predictions (not of a fitted line) and their mean absolute
 * error. Each prediction was made before its point was simulated, by a map fitted on earlier points only, so
 * these are out-of-sample figures: whether the surrogate could be trusted on this run. Nothing for other runs.
 */
final class SurrogateSection {
  /** Spearman rho, R^2 and mean absolute error (points) of the predictions against the simulations. */
  static FitQuality quality(List<PredictedPoint> points) {
    return FitQuality.of(points.stream().mapToDouble(PredictedPoint::predicted).toArray(),
        points.stream().mapToDouble(PredictedPoint::simulated).toArray());
  }

  private SurrogateSection() {}

  static void write(Html html, List<PredictedPoint> points, Path plotDir) {
    if (points.isEmpty()) {
      return;
    }
    FitQuality q = quality(points);
    html.heading("Surrogate: predicted vs simulated accuracy");
    html.paragraph(q.points() + " points were simulated on the surrogate's advice; each was predicted before it was"
        + " simulated, by the accuracy map fitted on the points simulated before it. Spearman rho "
        + Html.number(q.spearman(), 3) + ", R\u00b2 " + Html.number(q.rSquared(), 3) + ", mean absolute error "
        + Html.number(q.meanAbsoluteError(), 2) + " points (screening accuracy).");
    RunReport.plot(html, PredictionScatterPlot.chart(points), plotDir, "surrogate",
        "Predicted against simulated screening top-1 of the points the surrogate chose");
  }
}
