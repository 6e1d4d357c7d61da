package org.axdse.results.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.axdse.multipliers.util.AtomicFiles;
import org.axdse.results.plots.ChartFiles;
import org.axdse.results.plots.ParetoScatterPlot;
import org.axdse.results.plots.PointTips;
import org.axdse.results.plots.ZoomWindow;
import org.axdse.results.run.Metric;
import org.axdse.results.run.Run;
import org.jfree.chart.JFreeChart;

/**
 * The report's Pareto plots, inline as SVG with a tooltip on every point: the whole plane, and a zoomed view of
 * the points within {@link ZoomWindow#POINTS} percentage points of the exact accuracy. Each is also written to
 * {@code plots/} as PNG and as SVG (the SVG keeps the tooltips as {@code <title>} elements). The comparison
 * report inlines its fronts plot the same way ({@link #figure}). A run with the weight memory objective adds
 * the planes memory-accuracy and memory-energy; a run with the latency objective (IMC target) the plane
 * latency-accuracy.
 */
final class ParetoSection {
  static final String FULL = "pareto";
  static final String ZOOM = "pareto-zoom";
  static final String MEMORY_ACCURACY = "pareto-memory-accuracy";
  static final String MEMORY_ENERGY = "pareto-memory-energy";
  static final String LATENCY_ACCURACY = "pareto-latency-accuracy";

  private ParetoSection() {}

  static void write(Html html, Run run, String title, Path plotDir) {
    Metric x = Metric.MULTIPLIER_ENERGY;
    Metric y = ParetoScatterPlot.accuracyMetric(run);
    List<PointTips.Tip> tips = PointTips.of(run, x, y);
    html.heading("Pareto front");
    figure(html, ParetoScatterPlot.chart(run, title, null), tips, plotDir, FULL,
        "All evaluated points (grey), the front (blue), uniform baselines and the exact point."
            + " Hover over a point for its objectives and per-layer assignment.");
    ZoomWindow zoom = ZoomWindow.of(run, x, y);
    if (zoom != null) {
      String band = String.format(Locale.ROOT, "%.0f", ZoomWindow.POINTS);
      html.heading("Near the exact accuracy");
      figure(html, ParetoScatterPlot.chart(run, title + " (within " + band + " points of exact)", zoom), tips,
          plotDir, ZOOM, "The same plot zoomed to accuracies at most " + band + " percentage points below the"
              + " exact network's, where a configuration is usually chosen.");
    }
    if (run.config().metrics().contains(Metric.MEMORY)) {
      html.heading("Weight memory");
      figure(html, ParetoScatterPlot.chart(run, Metric.MEMORY, y, title + ": accuracy and weight memory", null),
          PointTips.of(run, Metric.MEMORY, y), plotDir, MEMORY_ACCURACY,
          "The same points in the plane of weight memory (bits of the weights over 8-bit weights) and accuracy.");
      figure(html, ParetoScatterPlot.chart(run, Metric.MEMORY, x, title + ": energy and weight memory", null),
          PointTips.of(run, Metric.MEMORY, x), plotDir, MEMORY_ENERGY,
          "The same points in the plane of weight memory and multiplier energy; the front (blue) is the"
              + " three-objective front, so it is not a staircase in any one plane.");
    }
    if (run.config().metrics().contains(Metric.LATENCY)) {
      html.heading("Latency");
      figure(html, ParetoScatterPlot.chart(run, Metric.LATENCY, y, title + ": accuracy and latency", null),
          PointTips.of(run, Metric.LATENCY, y), plotDir, LATENCY_ACCURACY,
          "The same points in the plane of latency (cycles per image over full precision) and accuracy; the front"
              + " (blue) is the front of all objectives, so it is not a staircase in this plane.");
    }
  }

  /** Writes the chart as PNG and SVG into {@code plotDir} and inlines the SVG, with {@code tips}, in the page. */
  static void figure(Html html, JFreeChart chart, List<PointTips.Tip> tips, Path plotDir, String name,
      String caption) {
    ChartFiles.writePng(plotDir.resolve(name + ".png"), chart, RunReport.WIDTH, RunReport.HEIGHT);
    String svg = PointTips.svg(chart, RunReport.WIDTH, RunReport.HEIGHT, tips, name + "-");
    AtomicFiles.write(plotDir.resolve(name + ".svg"), svg.getBytes(StandardCharsets.UTF_8));
    html.svg(svg, caption);
  }
}
