package org.axdse.results.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.axdse.results.run.EvaluatedPoint;
import org.axdse.results.run.Metric;
import org.axdse.results.run.Run;
import org.axdse.results.run.SyntheticRun;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class PlotsTest {
  @TempDir Path tmp;

  private static final Run RUN = SyntheticRun.run(5);

  /** Writes both formats, decodes the PNG and parses the SVG; returns the SVG text for label checks. */
  private String writeAndCheck(JFreeChart chart, String name) throws Exception {
    Path png = tmp.resolve(name + ".png");
    Path svg = tmp.resolve(name + ".svg");
    ChartFiles.writePng(png, chart, 640, 420);
    ChartFiles.writeSvg(svg, chart, 640, 420);
    BufferedImage image = ImageIO.read(png.toFile());
    assertNotNull(image, "PNG must decode");
    assertEquals(640, image.getWidth());
    assertEquals(420, image.getHeight());
    byte[] svgBytes = Files.readAllBytes(svg);
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    // Batik writes the SVG 1.0 DOCTYPE; tests must not fetch its DTD from the network.
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(svgBytes));
    assertEquals("svg", doc.getDocumentElement().getLocalName());
    assertEquals("http://www.w3.org/2000/svg", doc.getDocumentElement().getNamespaceURI());
    return new String(svgBytes, java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void paretoScatterHasUnitsOnItsAxes() throws Exception {
    String svg = writeAndCheck(ParetoScatterPlot.chart(RUN), "pareto");
    assertTrue(svg.contains("Relative multiplier energy (exact = 1)"), "x label");
    assertTrue(svg.contains("Top-1 accuracy, screening (%)"), "y label");
    assertTrue(svg.contains("uniform baselines") && svg.contains("exact"), "legend");
    assertTrue(svg.contains("mitchell"), "uniform points are labelled by multiplier");
  }

  @Test
  void exactPointIsTheAllExactUniformBaseline() {
    EvaluatedPoint exact = ParetoScatterPlot.exactPoint(RUN);
    assertNotNull(exact);
    assertTrue(exact.layerMultipliers().stream().allMatch("exact"::equals));
    assertEquals(1.0, exact.multiplierEnergy(), 1e-12);
  }

  @Test
  void convergenceOfOneAndSeveralRuns() throws Exception {
    String svg = writeAndCheck(ConvergencePlot.chart(RUN.history()), "convergence");
    assertTrue(svg.contains(ConvergencePlot.X_LABEL) && svg.contains("Hypervolume"));
    Map<String, List<org.axdse.results.run.GenerationRecord>> two = new LinkedHashMap<>();
    two.put("seed-5", RUN.history());
    two.put("seed-6", SyntheticRun.run(6).history());
    String both = writeAndCheck(ConvergencePlot.chart(two), "convergence2");
    assertTrue(both.contains("seed-5") && both.contains("seed-6"), "legend names both runs");
  }

  @Test
  void assignmentPlotShowsLayersAndMultipliers() throws Exception {
    EvaluatedPoint p = RUN.front().get(0);
    String svg = writeAndCheck(AssignmentPlot.chart(RUN.config(), p), "assignment");
    assertTrue(svg.contains(AssignmentPlot.Y_LABEL) && svg.contains(AssignmentPlot.X_LABEL));
    assertTrue(svg.contains("conv1") && svg.contains("fc"), "layer names on the x axis");
    assertTrue(svg.contains(p.layerMultipliers().get(0)), "legend names the multipliers");
  }

  @Test
  void assignmentPlotRejectsAnUnknownMultiplier() {
    EvaluatedPoint odd = EvaluatedPoint.ofLayers(1, 0, new int[] {0}, List.of("nosuch"), 0.5, Double.NaN, 1, 1,
        1, 1);
    assertThrows(IllegalArgumentException.class, () -> AssignmentPlot.chart(RUN.config(), odd));
  }

  @Test
  void comparisonPlotNamesEveryRun() throws Exception {
    Map<String, List<EvaluatedPoint>> fronts = new LinkedHashMap<>();
    fronts.put("run-a", RUN.front());
    fronts.put("run-b", SyntheticRun.run(9).front());
    String svg = writeAndCheck(
        FrontComparisonPlot.chart(fronts, Metric.MULTIPLIER_ENERGY, Metric.SCREENING_ACCURACY), "compare");
    assertTrue(svg.contains("run-a") && svg.contains("run-b"));
    assertTrue(svg.contains("Relative multiplier energy (exact = 1)"));
  }

  @Test
  void staircaseIsTwoDimensionallyNonDominatedAndSorted() {
    var s = Projection.staircase("s", RUN.front(), Metric.MULTIPLIER_ENERGY, Metric.SCREENING_ACCURACY);
    assertTrue(s.getItemCount() >= 2);
    for (int i = 1; i < s.getItemCount(); i++) {
      // Along a max-accuracy / min-energy staircase, more energy must buy strictly more accuracy.
      assertTrue(s.getX(i).doubleValue() > s.getX(i - 1).doubleValue());
      assertTrue(s.getY(i).doubleValue() > s.getY(i - 1).doubleValue());
    }
  }
}
