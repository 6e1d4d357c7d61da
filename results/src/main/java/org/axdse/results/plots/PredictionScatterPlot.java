package org.axdse.results.plots;

import java.util.List;
import org.axdse.results.run.PredictedPoint;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Predicted against simulated screening accuracy of the points a surrogate-assisted search simulated on the
 * surrogate's advice (percent on both axes), with the diagonal where a perfect prediction lies: points below it
 * were predicted better than they turned out.
 */
public final class PredictionScatterPlot {
  public static final String X_LABEL = "Predicted top-1 (%, before simulation)";
  public static final String Y_LABEL = "Simulated top-1 (%, screening)";

  private PredictionScatterPlot() {}

  public static JFreeChart chart(List<PredictedPoint> points) {
    XYSeries s = new XYSeries("points (" + points.size() + ")", false, true);
    double lo = 100;
    double hi = 0;
    for (PredictedPoint p : points) {
      s.add(100 * p.predicted(), 100 * p.simulated());
      lo = Math.min(lo, 100 * Math.min(p.predicted(), p.simulated()));
      hi = Math.max(hi, 100 * Math.max(p.predicted(), p.simulated()));
    }
    XYSeries diagonal = new XYSeries("predicted = simulated", false, true);
    diagonal.add(lo, lo);
    diagonal.add(hi, hi);
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(s);
    data.addSeries(diagonal);
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
    r.setSeriesLinesVisible(0, false);
    r.setSeriesShape(0, ChartStyle.dot(5));
    r.setSeriesPaint(0, ChartStyle.FRONT);
    r.setSeriesShapesVisible(1, false);
    r.setSeriesPaint(1, ChartStyle.GREY);
    r.setSeriesStroke(1, ChartStyle.LINE);
    NumberAxis x = new NumberAxis(X_LABEL);
    NumberAxis y = new NumberAxis(Y_LABEL);
    x.setAutoRangeIncludesZero(false);
    y.setAutoRangeIncludesZero(false);
    XYPlot plot = new XYPlot(data, x, y, r);
    return ChartStyle.finish(new JFreeChart("Surrogate: predicted vs simulated", JFreeChart.DEFAULT_TITLE_FONT,
        plot, true));
  }
}
