package org.axdse.results.plots;

import java.util.List;
import java.util.Map;
import org.axdse.results.run.EvaluatedPoint;
import org.axdse.results.run.Metric;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Several runs' fronts in one plane, each in its own colour: the front's points as markers and its 2-D
 * staircase as a step line.
 */
public final class FrontComparisonPlot {
  private FrontComparisonPlot() {}

  /** One front per named run, in map order. */
  public static JFreeChart chart(Map<String, List<EvaluatedPoint>> fronts, Metric x, Metric y) {
    XYSeriesCollection markers = new XYSeriesCollection();
    XYSeriesCollection steps = new XYSeriesCollection();
    XYLineAndShapeRenderer markerRenderer = new XYLineAndShapeRenderer(false, true);
    XYStepRenderer stepRenderer = new XYStepRenderer();
    int i = 0;
    for (Map.Entry<String, List<EvaluatedPoint>> e : fronts.entrySet()) {
      markers.addSeries(Projection.series(e.getKey(), e.getValue(), x, y));
      steps.addSeries(Projection.staircase(e.getKey() + " (staircase)", e.getValue(), x, y));
      markerRenderer.setSeriesPaint(i, ChartStyle.palette(i));
      markerRenderer.setSeriesShape(i, ChartStyle.dot(7));
      stepRenderer.setSeriesPaint(i, ChartStyle.palette(i));
      stepRenderer.setSeriesStroke(i, ChartStyle.LINE);
      stepRenderer.setSeriesVisibleInLegend(i, false);
      i++;
    }
    XYPlot plot = new XYPlot();
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    plot.setDomainAxis(new NumberAxis(x.axisLabel()));
    plot.setRangeAxis(new NumberAxis(y.axisLabel()));
    plot.setDataset(0, steps);
    plot.setRenderer(0, stepRenderer);
    plot.setDataset(1, markers);
    plot.setRenderer(1, markerRenderer);
    return ChartStyle.finish(new JFreeChart("Fronts compared", JFreeChart.DEFAULT_TITLE_FONT, plot, true));
  }
}
