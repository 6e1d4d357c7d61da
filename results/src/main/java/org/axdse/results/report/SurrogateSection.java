package org.axdse.results.report;

import java.nio.file.Path;
import java.util.List;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.axdse.results.plots.PredictionScatterPlot;
import org.axdse.results.run.PredictedPoint;

/**
 * The report's surrogate section, for runs of {@code axdse search --surrogate} ({@code predictions.csv}): the
 * predicted-vs-simulated scatter of the points simulated on the surrogate's advice, with the Spearman rank
 * correlation, {@code R^2 = 1 - SS_res / SS_tot} of the predictions (not of a fitted line) and their mean absolute
 * error. Each prediction was made before its point was simulated, by a map fitted on earlier points only, so
 * these are out-of-sample figures: whether the surrogate could be trusted on this run. Nothing for other runs.
 */
final class SurrogateSection {
  /** Spearman rho, R^2 and mean absolute error (points) of predictions against simulations; NaN when undefined. */
  record Quality(int points, double spearman, double rSquared, double meanAbsoluteError) {
    static Quality of(List<PredictedPoint> points) {
      int n = points.size();
      double[] predicted = points.stream().mapToDouble(PredictedPoint::predicted).toArray();
      double[] simulated = points.stream().mapToDouble(PredictedPoint::simulated).toArray();
      double mean = 0;
      for (double v : simulated) {
        mean += v / n;
      }
      double res = 0;
      double tot = 0;
      double abs = 0;
      for (int i = 0; i < n; i++) {
        res += (simulated[i] - predicted[i]) * (simulated[i] - predicted[i]);
        tot += (simulated[i] - mean) * (simulated[i] - mean);
        abs += Math.abs(simulated[i] - predicted[i]);
      }
      double rho = n < 3 ? Double.NaN : new SpearmansCorrelation().correlation(predicted, simulated);
      return new Quality(n, rho, tot == 0 ? Double.NaN : 1 - res / tot, n == 0 ? Double.NaN : 100 * abs / n);
    }
  }

  private SurrogateSection() {}

  static void write(Html html, List<PredictedPoint> points, Path plotDir) {
    if (points.isEmpty()) {
      return;
    }
    Quality q = Quality.of(points);
    html.heading("Surrogate: predicted vs simulated accuracy");
    html.paragraph(q.points() + " points were simulated on the surrogate's advice; each was predicted before it was"
        + " simulated, by the accuracy map fitted on the points simulated before it. Spearman rho "
        + Html.number(q.spearman(), 3) + ", R\u00b2 " + Html.number(q.rSquared(), 3) + ", mean absolute error "
        + Html.number(q.meanAbsoluteError(), 2) + " points (screening accuracy).");
    RunReport.plot(html, PredictionScatterPlot.chart(points), plotDir, "surrogate",
        "Predicted against simulated screening top-1 of the points the surrogate chose");
  }
}
