package org.axdse.results.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.axdse.results.run.DemoRun;
import org.axdse.results.run.Metric;
import org.axdse.results.run.Run;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;

class LabelPlacementTest {
  private static final Run DEMO = DemoRun.read();
  private static final int W = 960;
  private static final int H = 600;

  /** Draws the chart at the report's size and returns its label annotation after placement. */
  private static PointLabels draw(JFreeChart chart, ChartRenderingInfo info) {
    BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
    Graphics2D g2 = image.createGraphics();
    chart.draw(g2, new Rectangle2D.Double(0, 0, W, H), info);
    g2.dispose();
    return labels(chart);
  }

  private static PointLabels labels(JFreeChart chart) {
    return chart.getXYPlot().getAnnotations().stream().filter(PointLabels.class::isInstance)
        .map(PointLabels.class::cast).findFirst().orElseThrow();
  }

  private static void assertNoOverlap(List<LabelPlacement.Placed> placed) {
    for (int i = 0; i < placed.size(); i++) {
      for (int j = i + 1; j < placed.size(); j++) {
        Rectangle2D a = placed.get(i).box();
        Rectangle2D b = placed.get(j).box();
        assertFalse(a.intersects(b), placed.get(i).label().text() + " " + a + " overlaps "
            + placed.get(j).label().text() + " " + b);
      }
    }
  }

  @Test
  void crowdedRealFrontGetsLabelsThatDoNotOverlap() {
    ChartRenderingInfo info = new ChartRenderingInfo();
    PointLabels labels = draw(ParetoScatterPlot.chart(DEMO), info);
    List<LabelPlacement.Placed> placed = labels.lastPlacement();
    int uniform = DEMO.baseline("uniform").points().size();
    assertEquals(uniform, labels.lastCandidates(), "every uniform baseline is inside the full plot");

    // The front is crowded: at their first-choice box (right of the point) some labels would overlap.
    List<Rectangle2D> naive = new ArrayList<>();
    placed.forEach(p -> naive.add(LabelPlacement.candidates(p.label(), LabelPlacement.RINGS[0]).get(0)));
    boolean crowded = false;
    for (int i = 0; i < naive.size() && !crowded; i++) {
      for (int j = i + 1; j < naive.size(); j++) {
        crowded |= naive.get(i).intersects(naive.get(j));
      }
    }
    assertTrue(crowded, "the demo front should crowd its labels, else this test proves little");

    assertNoOverlap(placed);
    // Most labels still find a place; the rest are named by their tooltips.
    assertTrue(placed.size() >= uniform * 3 / 4, placed.size() + " of " + uniform + " placed");
    Rectangle2D area = info.getPlotInfo().getDataArea();
    XYPlot plot = ParetoScatterPlot.chart(DEMO).getXYPlot();
    for (LabelPlacement.Placed p : placed) {
      assertTrue(area.contains(p.box()), p.label().text() + " leaves the data area");
    }
    // No label covers a front marker (the markers the labels must keep clear of).
    Metric y = ParetoScatterPlot.accuracyMetric(DEMO);
    for (var f : DEMO.front()) {
      double px = plot.getDomainAxis().valueToJava2D(Metric.MULTIPLIER_ENERGY.displayValue(f), area,
          RectangleEdge.BOTTOM);
      double py = plot.getRangeAxis().valueToJava2D(y.displayValue(f), area, RectangleEdge.LEFT);
      for (LabelPlacement.Placed p : placed) {
        assertFalse(p.box().contains(px, py), p.label().text() + " covers front point " + f.id());
      }
    }
  }

  @Test
  void zoomedViewAndSvgOutputKeepLabelsApart() {
    JFreeChart zoomed = ParetoScatterPlot.chart(DEMO, "zoom", ZoomWindow.of(DEMO, Metric.MULTIPLIER_ENERGY,
        ParetoScatterPlot.accuracyMetric(DEMO)));
    PointLabels labels = draw(zoomed, new ChartRenderingInfo());
    assertTrue(labels.lastCandidates() > 0 && labels.lastCandidates() < DEMO.baseline("uniform").points().size(),
        "the zoom shows some baselines, not all");
    assertEquals(labels.lastCandidates(), labels.lastPlacement().size(), "the zoom has room for every label");
    assertNoOverlap(labels.lastPlacement());

    JFreeChart full = ParetoScatterPlot.chart(DEMO);
    String svg = ChartFiles.svg(full, W, H);
    assertNoOverlap(labels(full).lastPlacement());
    for (LabelPlacement.Placed p : labels(full).lastPlacement()) {
      assertTrue(svg.contains(">" + p.label().text() + "<"), p.label().text() + " is SVG text");
    }
  }

  @Test
  void greedyPlacementMovesLabelsOffEachOtherAndDropsWhatDoesNotFit() {
    LabelPlacement.Label l = new LabelPlacement.Label("same", 100, 100, 40, 10);
    List<LabelPlacement.Placed> placed = LabelPlacement.place(List.of(l, l, l), List.of(),
        new Rectangle2D.Double(0, 0, 300, 300));
    assertEquals(3, placed.size());
    assertNoOverlap(placed);
    assertFalse(placed.get(0).leader(), "the first label sits on the nearest ring, without a leader");
    // Bounds 30 pixels wide cannot hold a box 40 pixels wide, wherever it goes.
    List<LabelPlacement.Placed> none = LabelPlacement.place(List.of(l), List.of(),
        new Rectangle2D.Double(85, 85, 30, 30));
    assertTrue(none.isEmpty());
    // An obstacle on the right sends the label to the left: x from 100 - 5 - 40 = 55 to 95.
    List<LabelPlacement.Placed> left = LabelPlacement.place(List.of(l),
        List.of(new Rectangle2D.Double(104, 90, 50, 20)), new Rectangle2D.Double(0, 0, 300, 300));
    assertEquals(55, left.get(0).box().getMinX(), 1e-9);
  }
}
