package org.axdse.results.plots;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;

/**
 * Text labels beside plotted points, placed at draw time by {@link LabelPlacement} so that no two overlap and none
 * covers a listed marker, whatever the chart's size and output (PNG or SVG). The last placement is kept for tests.
 */
final class PointLabels extends AbstractXYAnnotation {
  static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
  private static final Color TEXT = new Color(60, 60, 60);
  private static final Color LEADER = new Color(120, 120, 120);

  /** A label text at a point in data units (display values). */
  record Anchor(String text, double x, double y) {}

  private final List<Anchor> anchors;
  private final List<Point2D> markers;
  private final double markerSize;
  private transient List<LabelPlacement.Placed> last = List.of();
  private transient int candidates;

  /**
   * @param anchors the labels, most important first (they are placed first)
   * @param markers points (data units) whose markers no label may cover, besides the anchors' own
   * @param markerSize the side (pixels) of the square kept free around each marker
   */
  PointLabels(List<Anchor> anchors, List<Point2D> markers, double markerSize) {
    this.anchors = List.copyOf(anchors);
    this.markers = List.copyOf(markers);
    this.markerSize = markerSize;
  }

  @Override
  public void draw(Graphics2D g2, XYPlot plot, Rectangle2D dataArea, ValueAxis domainAxis, ValueAxis rangeAxis,
      int rendererIndex, PlotRenderingInfo info) {
    RectangleEdge xEdge = Plot.resolveDomainAxisLocation(plot.getDomainAxisLocation(), plot.getOrientation());
    RectangleEdge yEdge = Plot.resolveRangeAxisLocation(plot.getRangeAxisLocation(), plot.getOrientation());
    g2.setFont(FONT);
    FontMetrics fm = g2.getFontMetrics();
    List<LabelPlacement.Label> labels = new ArrayList<>();
    List<Rectangle2D> obstacles = new ArrayList<>();
    for (Anchor a : anchors) {
      double px = domainAxis.valueToJava2D(a.x(), dataArea, xEdge);
      double py = rangeAxis.valueToJava2D(a.y(), dataArea, yEdge);
      if (dataArea.contains(px, py)) {
        labels.add(new LabelPlacement.Label(a.text(), px, py, fm.stringWidth(a.text()), fm.getHeight()));
        obstacles.add(square(px, py));
      }
    }
    for (Point2D m : markers) {
      obstacles.add(square(domainAxis.valueToJava2D(m.getX(), dataArea, xEdge),
          rangeAxis.valueToJava2D(m.getY(), dataArea, yEdge)));
    }
    // A label may sit beside its own marker but not on another's: drop each label's own square while placing it.
    List<LabelPlacement.Placed> placed = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      List<Rectangle2D> others = new ArrayList<>(obstacles);
      others.remove(i);
      placed.stream().map(LabelPlacement.Placed::box).forEach(others::add);
      placed.addAll(LabelPlacement.place(List.of(labels.get(i)), others, dataArea));
    }
    for (LabelPlacement.Placed p : placed) {
      Rectangle2D box = p.box();
      if (p.leader()) {
        g2.setPaint(LEADER);
        g2.setStroke(new BasicStroke(0.6f));
        double ax = p.label().x();
        double ay = p.label().y();
        double cx = Math.max(box.getMinX(), Math.min(ax, box.getMaxX()));
        double cy = Math.max(box.getMinY(), Math.min(ay, box.getMaxY()));
        // The line starts at the marker's edge, so it never paints over the marker itself.
        double length = Math.hypot(cx - ax, cy - ay);
        double skip = markerSize / 2 + 1;
        if (length > skip) {
          g2.draw(new Line2D.Double(ax + (cx - ax) * skip / length, ay + (cy - ay) * skip / length, cx, cy));
        }
      }
      g2.setPaint(TEXT);
      g2.drawString(p.label().text(), (float) box.getMinX(), (float) (box.getMinY() + fm.getAscent()));
    }
    last = List.copyOf(placed);
    candidates = labels.size();
  }

  /** The labels placed by the last draw, with their boxes in pixels. */
  List<LabelPlacement.Placed> lastPlacement() {
    return last;
  }

  /** How many labels had their anchor inside the data area at the last draw. */
  int lastCandidates() {
    return candidates;
  }

  private Rectangle2D square(double x, double y) {
    return new Rectangle2D.Double(x - markerSize / 2, y - markerSize / 2, markerSize, markerSize);
  }
}
