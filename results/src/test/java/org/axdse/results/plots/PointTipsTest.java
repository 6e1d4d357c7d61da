package org.axdse.results.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.axdse.results.run.DemoRun;
import org.axdse.results.run.EvaluatedPoint;
import org.axdse.results.run.Metric;
import org.axdse.results.run.Run;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class PointTipsTest {
  private static final Run DEMO = DemoRun.read();
  private static final Metric X = Metric.MULTIPLIER_ENERGY;
  private static final Metric Y = ParetoScatterPlot.accuracyMetric(DEMO);

  private static List<Element> circles(String svg) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    NodeList groups = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < groups.getLength(); i++) {
      Element g = (Element) groups.item(i);
      if (PointTips.GROUP.equals(g.getAttribute("class"))) {
        NodeList cs = g.getElementsByTagNameNS("http://www.w3.org/2000/svg", "circle");
        for (int j = 0; j < cs.getLength(); j++) {
          out.add((Element) cs.item(j));
        }
      }
    }
    return out;
  }

  @Test
  void everyPointOfTheFullPlotHasATooltipWithItsObjectivesAndAssignment() throws Exception {
    List<PointTips.Tip> tips = PointTips.of(DEMO, X, Y);
    // Evaluated points not on the front, the front, every uniform baseline, and the exact point once more on top.
    long evaluated = DEMO.points().stream().filter(p -> DEMO.front().stream().noneMatch(f -> f.id() == p.id()))
        .count();
    int expected = (int) evaluated + DEMO.front().size() + DEMO.baseline("uniform").points().size() + 1;
    assertEquals(expected, tips.size());
    String svg = PointTips.svg(ParetoScatterPlot.chart(DEMO), 960, 600, tips, "t-");
    List<Element> circles = circles(svg);
    assertEquals(expected, circles.size(), "the full plot shows every point");
    for (Element c : circles) {
      assertEquals(1, c.getElementsByTagNameNS("http://www.w3.org/2000/svg", "title").getLength());
    }
    EvaluatedPoint f = DEMO.front().get(0);
    String text = PointTips.describe(DEMO.config(), f, "front");
    assertTrue(svg.contains(text.substring(0, text.indexOf('\n'))), "the front point's tip is in the SVG");
    assertTrue(text.startsWith("point " + f.id() + ": front, generation " + f.generation()), text);
    assertTrue(text.contains(Y.axisLabel() + ": " + String.format(Locale.ROOT, "%.2f", Y.displayValue(f))), text);
    assertTrue(text.contains(X.axisLabel() + ": " + String.format(Locale.ROOT, "%.4f", f.multiplierEnergy())), text);
    for (int i = 0; i < f.layerMultipliers().size(); i++) {
      assertTrue(text.contains("\n  " + DEMO.config().layerName(i) + ": " + f.layerMultipliers().get(i)), text);
    }
    assertTrue(svg.contains("id=\"t-"), "Batik's ids carry the prefix, so two plots can share a page");
  }

  @Test
  void hoverTargetsSitOnTheDrawnMarkers() throws Exception {
    JFreeChart chart = ParetoScatterPlot.chart(DEMO);
    List<Element> circles = circles(PointTips.svg(chart, 960, 600, PointTips.of(DEMO, X, Y), ""));
    Element exact = circles.get(circles.size() - 1);
    assertEquals("exact", exact.getAttribute("class"));
    BufferedImage png = ImageIO.read(new ByteArrayInputStream(ChartFiles.png(chart, 960, 600)));
    assertNotNull(png);
    int px = (int) Math.round(Double.parseDouble(exact.getAttribute("cx")));
    int py = (int) Math.round(Double.parseDouble(exact.getAttribute("cy")));
    // The exact diamond is drawn in ChartStyle.EXACT; its target's centre must fall on it.
    assertEquals(ChartStyle.EXACT.getRGB(), new Color(png.getRGB(px, py)).getRGB(), "pixel at " + px + "," + py);
  }

  @Test
  void zoomedPlotHasTargetsOnlyForThePointsItShows() throws Exception {
    ZoomWindow w = ZoomWindow.of(DEMO, X, Y);
    List<PointTips.Tip> tips = PointTips.of(DEMO, X, Y);
    long inside = tips.stream().filter(t -> t.x() >= w.xLow() && t.x() <= w.xHigh() && t.y() >= w.yLow()
        && t.y() <= w.yHigh()).count();
    List<Element> circles = circles(PointTips.svg(ParetoScatterPlot.chart(DEMO, "zoom", w), 960, 600, tips, ""));
    assertTrue(inside > 1 && inside < tips.size());
    assertEquals(inside, circles.size());
  }
}
