package org.axdse.results.plots;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.axdse.results.run.Baseline;
import org.axdse.results.run.EvaluatedPoint;
import org.axdse.results.run.Metric;
import org.axdse.results.run.Objective;
import org.axdse.results.run.Run;
import org.axdse.results.run.RunConfig;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.w3c.dom.Element;

/**
 * Tooltips for every point of a Pareto plot. In the SVG each point gets an invisible circle (class
 * {@value #GROUP} on their group) holding an SVG {@code <title>}: any SVG viewer shows it on hover, and the HTML
 * report's script turns it into a styled box. The text names the point, its role, every objective of the run and
 * the multiplier of each layer.
 */
public final class PointTips {
  /** The class of the SVG group that holds the hover targets. */
  public static final String GROUP = "axdse-tips";
  /** The radius (pixels) of a hover target: a little larger than the largest marker. */
  static final double RADIUS = 6;

  /** One hover target: a point in display units, its kind (evaluated, front, uniform or exact) and its text. */
  public record Tip(double x, double y, String kind, String text) {}

  private PointTips() {}

  /** The tips of the Pareto plot of {@code run} on {@code x} and {@code y}, in drawing order (later on top). */
  public static List<Tip> of(Run run, Metric x, Metric y) {
    Set<Integer> front = new HashSet<>();
    run.front().forEach(p -> front.add(p.id()));
    List<Tip> tips = new ArrayList<>();
    for (EvaluatedPoint p : run.points()) {
      if (!front.contains(p.id())) {
        add(tips, run.config(), p, x, y, "evaluated", "evaluated");
      }
    }
    run.front().forEach(p -> add(tips, run.config(), p, x, y, "front", "front"));
    Baseline uniform = run.baseline("uniform");
    if (uniform != null) {
      uniform.points().forEach(p -> add(tips, run.config(), p, x, y, "uniform", "uniform baseline"));
    }
    EvaluatedPoint exact = ParetoScatterPlot.exactPoint(run);
    if (exact != null) {
      add(tips, run.config(), exact, x, y, "exact", "exact network");
    }
    return withNeighbours(tips);
  }

  /** The tips of a comparison of runs' fronts (one colour per run), each point described with its own run. */
  public static List<Tip> ofFronts(Map<String, Run> runs, Metric x, Metric y) {
    List<Tip> tips = new ArrayList<>();
    runs.forEach((name, run) -> run.front().forEach(p -> add(tips, run.config(), p, x, y, "front",
        "front of " + name)));
    return withNeighbours(tips);
  }

  /** Tips at the same place cover each other: each names the others (first line) under its own text. */
  private static List<Tip> withNeighbours(List<Tip> tips) {
    Map<List<Double>, List<String>> heads = new HashMap<>();
    for (Tip t : tips) {
      heads.computeIfAbsent(List.of(t.x(), t.y()), k -> new ArrayList<>()).add(t.text().lines().findFirst()
          .orElse(""));
    }
    List<Tip> out = new ArrayList<>();
    for (Tip t : tips) {
      List<String> here = new ArrayList<>(new LinkedHashSet<>(heads.get(List.of(t.x(), t.y()))));
      here.remove(t.text().lines().findFirst().orElse(""));
      out.add(here.isEmpty() ? t : new Tip(t.x(), t.y(), t.kind(), t.text() + "\nsame place: "
          + String.join("; ", here)));
    }
    return out;
  }

  /** The tooltip text of {@code p}: id and role, the objectives, both accuracies and the per-layer assignment. */
  public static String describe(RunConfig config, EvaluatedPoint p, String role) {
    StringBuilder b = new StringBuilder();
    b.append("point ").append(p.id()).append(": ").append(role).append(", generation ").append(p.generation());
    for (Objective o : config.objectives()) {
      b.append('\n').append(o.metric().axisLabel()).append(": ").append(format(o.metric(), p));
    }
    b.append("\naccuracy screening / final (%): ").append(percent(p.screeningAccuracy())).append(" / ")
        .append(percent(p.finalAccuracy()));
    b.append("\nlayers:");
    for (int i = 0; i < p.layerMultipliers().size(); i++) {
      b.append("\n  ").append(config.layerName(i)).append(": ").append(p.layerMultipliers().get(i));
      if (!p.channelMultipliers().isEmpty()) {
        Set<String> distinct = new LinkedHashSet<>(p.channelMultipliers().get(i));
        b.append(" (per channel: ").append(String.join(", ", distinct)).append(')');
      }
    }
    return b.toString();
  }

  /** The chart as SVG with one hover target per tip that falls inside the plot's data area. */
  public static String svg(JFreeChart chart, int width, int height, List<Tip> tips, String idPrefix) {
    return ChartFiles.svg(chart, width, height, idPrefix, (document, root, info) -> {
      XYPlot plot = chart.getXYPlot();
      Rectangle2D area = info.getPlotInfo().getDataArea();
      RectangleEdge xEdge = Plot.resolveDomainAxisLocation(plot.getDomainAxisLocation(), plot.getOrientation());
      RectangleEdge yEdge = Plot.resolveRangeAxisLocation(plot.getRangeAxisLocation(), plot.getOrientation());
      String ns = root.getNamespaceURI();
      Element group = document.createElementNS(ns, "g");
      group.setAttributeNS(null, "class", GROUP);
      // Batik's root sets a black stroke for everything below it; the targets must stay invisible.
      group.setAttributeNS(null, "stroke", "none");
      for (Tip t : tips) {
        double px = plot.getDomainAxis().valueToJava2D(t.x(), area, xEdge);
        double py = plot.getRangeAxis().valueToJava2D(t.y(), area, yEdge);
        if (!area.contains(px, py)) {
          continue;
        }
        Element c = document.createElementNS(ns, "circle");
        c.setAttributeNS(null, "class", t.kind());
        c.setAttributeNS(null, "cx", String.format(Locale.ROOT, "%.2f", px));
        c.setAttributeNS(null, "cy", String.format(Locale.ROOT, "%.2f", py));
        c.setAttributeNS(null, "r", Double.toString(RADIUS));
        c.setAttributeNS(null, "fill", "#000");
        c.setAttributeNS(null, "fill-opacity", "0");
        c.setAttributeNS(null, "pointer-events", "all");
        c.setAttributeNS(null, "stroke", "none");
        Element title = document.createElementNS(ns, "title");
        title.setTextContent(t.text());
        c.appendChild(title);
        group.appendChild(c);
      }
      root.appendChild(group);
    });
  }

  private static void add(List<Tip> tips, RunConfig config, EvaluatedPoint p, Metric x, Metric y, String kind,
      String role) {
    double vx = x.displayValue(p);
    double vy = y.displayValue(p);
    if (!Double.isNaN(vx) && !Double.isNaN(vy)) {
      tips.add(new Tip(vx, vy, kind, describe(config, p, role)));
    }
  }

  private static String format(Metric m, EvaluatedPoint p) {
    double v = m.displayValue(p);
    if (Double.isNaN(v)) {
      return "not evaluated";
    }
    return m == Metric.TYPES ? Integer.toString((int) v)
        : String.format(Locale.ROOT, m.isAccuracy() ? "%.2f" : "%.4f", v);
  }

  private static String percent(double fraction) {
    return Double.isNaN(fraction) ? "\u2013" : String.format(Locale.ROOT, "%.2f", 100 * fraction);
  }
}
