package org.axdse.results.plots;

import java.awt.Paint;
import java.awt.geom.Point2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.axdse.results.run.Baseline;
import org.axdse.results.run.EvaluatedPoint;
import org.axdse.results.run.Metric;
import org.axdse.results.run.Run;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
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
 * multiplier where a label fits without overlap ({@link PointLabels}), and the all-exact point marked. A
 * {@link ZoomWindow} narrows the axes to the region near the exact accuracy.
 */
public final class ParetoScatterPlot {
  /** The side (pixels) of the square around a front or exact marker that no label covers. */
  static final double LABEL_CLEARANCE = 9;

  private ParetoScatterPlot() {}

  /** The default view: relative multiplier energy on x, the run's first accuracy objective on y. */
  public static JFreeChart chart(Run run) {
    return chart(run, "Pareto front", null);
  }

  /** The default axes with {@code title}, zoomed to {@code window} when it is not null. */
  public static JFreeChart chart(Run run, String title, ZoomWindow window) {
    return chart(run, Metric.MULTIPLIER_ENERGY, accuracyMetric(run), title, window);
  }

  /** The whole plane of {@code x} against {@code y}. */
  public static JFreeChart chart(Run run, Metric x, Metric y) {
    return chart(run, x, y, "Pareto front", null);
  }

  public static JFreeChart chart(Run run, Metric x, Metric y, String title, ZoomWindow window) {
    XYPlot plot = new XYPlot();
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    NumberAxis xAxis = new NumberAxis(x.axisLabel());
    NumberAxis yAxis = new NumberAxis(y.axisLabel());
    plot.setDomainAxis(xAxis);
    plot.setRangeAxis(yAxis);

    add(plot, 0, new XYSeriesCollection(Projection.series(
        "evaluated (" + run.points().size() + ")", run.points(), x, y)), markers(ChartStyle.GREY, 5));
    XYStepRenderer step = new XYStepRenderer();
    step.setSeriesPaint(0, ChartStyle.FRONT);
    step.setSeriesStroke(0, ChartStyle.LINE);
    step.setSeriesShapesVisible(0, false);
    add(plot, 1, new XYSeriesCollection(Projection.staircase("front, 2-D staircase", run.front(), x, y)), step);
    add(plot, 2, new XYSeriesCollection(Projection.series(
        "front (" + run.front().size() + ")", run.front(), x, y)), markers(ChartStyle.FRONT, 8));

    List<Point2D> markers = new ArrayList<>(points(run.front(), x, y));
    EvaluatedPoint exact = exactPoint(run);
    if (exact != null) {
      markers.addAll(points(List.of(exact), x, y));
    }
    Baseline uniform = run.baseline("uniform");
    if (uniform != null) {
      XYLineAndShapeRenderer r = markers(ChartStyle.BASELINE, 9);
      r.setSeriesShape(0, ShapeUtils.createUpTriangle(5f));
      add(plot, 3, new XYSeriesCollection(Projection.series("uniform baselines", uniform.points(), x, y)), r);
      List<PointLabels.Anchor> anchors = new ArrayList<>();
      for (EvaluatedPoint p : uniform.points()) {
        if (!Double.isNaN(x.displayValue(p)) && !Double.isNaN(y.displayValue(p)) && !p.layerMultipliers().isEmpty()) {
          anchors.add(new PointLabels.Anchor(p.layerMultipliers().get(0), x.displayValue(p), y.displayValue(p)));
        }
      }
      // The most accurate baselines are labelled first: they sit where users choose.
      anchors.sort(Comparator.comparingDouble((PointLabels.Anchor a) -> -a.y()).thenComparingDouble(a -> a.x()));
      plot.addAnnotation(new PointLabels(anchors, markers, LABEL_CLEARANCE));
    }
    if (exact != null) {
      XYLineAndShapeRenderer r = markers(ChartStyle.EXACT, 12);
      r.setSeriesShape(0, ShapeUtils.createDiamond(7f));
      add(plot, 4, new XYSeriesCollection(Projection.series("exact", List.of(exact), x, y)), r);
    }
    JFreeChart chart = ChartStyle.finish(new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true));
    if (window != null) {
      xAxis.setRange(window.xLow(), window.xHigh());
      yAxis.setRange(window.yLow(), window.yHigh());
    }
    return chart;
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

  private static List<Point2D> points(List<EvaluatedPoint> points, Metric x, Metric y) {
    List<Point2D> out = new ArrayList<>();
    for (EvaluatedPoint p : points) {
      if (!Double.isNaN(x.displayValue(p)) && !Double.isNaN(y.displayValue(p))) {
        out.add(new Point2D.Double(x.displayValue(p), y.displayValue(p)));
      }
    }
    return out;
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
