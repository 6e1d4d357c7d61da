package org.axdse.results.plots;

import java.awt.Font;
import java.awt.Paint;
import java.util.ArrayList;
import java.util.List;
import org.axdse.results.run.Baseline;
import org.axdse.results.run.EvaluatedPoint;
import org.axdse.results.run.Metric;
import org.axdse.results.run.Run;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.XYItemLabelGenerator;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.util.ShapeUtils;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The Pareto scatter of a run on two metrics: every evaluated point in grey, the run's front as blue markers
 * with the 2-D staircase through it, the uniform baselines (one multiplier on every layer) labelled by
 * multiplier, and the all-exact point marked.
 */
public final class ParetoScatterPlot {
  private ParetoScatterPlot() {}

  /** The default view: relative multiplier energy on x, the run's first accuracy objective on y. */
  public static JFreeChart chart(Run run) {
    return chart(run, Metric.MULTIPLIER_ENERGY, accuracyMetric(run));
  }

  public static JFreeChart chart(Run run, Metric x, Metric y) {
    XYPlot plot = new XYPlot();
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    plot.setDomainAxis(new NumberAxis(x.axisLabel()));
    plot.setRangeAxis(new NumberAxis(y.axisLabel()));

    add(plot, 0, new XYSeriesCollection(Projection.series(
        "evaluated (" + run.points().size() + ")", run.points(), x, y)), markers(ChartStyle.GREY, 5));
    XYStepRenderer step = new XYStepRenderer();
    step.setSeriesPaint(0, ChartStyle.FRONT);
    step.setSeriesStroke(0, ChartStyle.LINE);
    step.setSeriesShapesVisible(0, false);
    add(plot, 1, new XYSeriesCollection(Projection.staircase("front, 2-D staircase", run.front(), x, y)), step);
    add(plot, 2, new XYSeriesCollection(Projection.series(
        "front (" + run.front().size() + ")", run.front(), x, y)), markers(ChartStyle.FRONT, 8));

    Baseline uniform = run.baseline("uniform");
    if (uniform != null) {
      XYLineAndShapeRenderer r = markers(ChartStyle.BASELINE, 9);
      r.setSeriesShape(0, ShapeUtils.createUpTriangle(5f));
      List<EvaluatedPoint> shown = new ArrayList<>();
      for (EvaluatedPoint p : uniform.points()) {
        if (!Double.isNaN(x.value(p)) && !Double.isNaN(y.value(p))) {
          shown.add(p);
        }
      }
      XYItemLabelGenerator names = (dataset, series, item) -> label(shown, dataset.getXValue(series, item),
          dataset.getYValue(series, item), x, y);
      r.setDefaultItemLabelGenerator(names);
      r.setDefaultItemLabelsVisible(true);
      r.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
      add(plot, 3, new XYSeriesCollection(Projection.series("uniform baselines", shown, x, y)), r);
    }
    EvaluatedPoint exact = exactPoint(run);
    if (exact != null) {
      XYLineAndShapeRenderer r = markers(ChartStyle.EXACT, 12);
      r.setSeriesShape(0, ShapeUtils.createDiamond(7f));
      add(plot, 4, new XYSeriesCollection(Projection.series("exact", List.of(exact), x, y)), r);
    }
    return ChartStyle.finish(new JFreeChart(
        "Pareto front: " + run.config().model() + " on " + run.config().dataset(), JFreeChart.DEFAULT_TITLE_FONT,
        plot, true));
  }

  /** The run's first accuracy objective, or {@link Metric#ACCURACY} when it has none. */
  public static Metric accuracyMetric(Run run) {
    return run.config().metrics().stream().filter(Metric::isAccuracy).findFirst().orElse(Metric.ACCURACY);
  }

  /**
   * The all-exact point: from the uniform baseline, else from the evaluated points, the first point whose
   * layers all use the run's exact multiplier; null when there is none.
   */
  public static EvaluatedPoint exactPoint(Run run) {
    List<EvaluatedPoint> candidates = new ArrayList<>();
    if (run.baseline("uniform") != null) {
      candidates.addAll(run.baseline("uniform").points());
    }
    candidates.addAll(run.points());
    String exact = run.config().exactMultiplier();
    for (EvaluatedPoint p : candidates) {
      if (!p.layerMultipliers().isEmpty() && p.layerMultipliers().stream().allMatch(exact::equals)
          && p.channelMultipliers().stream().allMatch(l -> l.stream().allMatch(exact::equals))) {
        return p;
      }
    }
    return null;
  }

  private static String label(List<EvaluatedPoint> points, double vx, double vy, Metric x, Metric y) {
    for (EvaluatedPoint p : points) {
      if (x.displayValue(p) == vx && y.displayValue(p) == vy && !p.layerMultipliers().isEmpty()) {
        return p.layerMultipliers().get(0);
      }
    }
    return "";
  }

  static XYLineAndShapeRenderer markers(Paint paint, double size) {
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
    r.setSeriesPaint(0, paint);
    r.setSeriesShape(0, ChartStyle.dot(size));
    return r;
  }

  static void add(XYPlot plot, int index, XYSeriesCollection data, XYItemRenderer r) {
    plot.setDataset(index, data);
    plot.setRenderer(index, r);
  }
}
