package org.axdse.results.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.results.run.DemoRun;
import org.axdse.results.run.EvaluatedPoint;
import org.axdse.results.run.Run;
import org.axdse.results.run.RunDirectory;
import org.axdse.results.run.SyntheticRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RunReportTest {
  @TempDir Path tmp;

  private Path writeRun(String name, long seed) {
    Path dir = tmp.resolve(name);
    RunDirectory.of(dir).write(SyntheticRun.run(seed));
    return dir;
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }

  @Test
  void reportIsSelfContainedWithDecodableImagesAndTheFrontTable() throws Exception {
    Path dir = writeRun("run-1", 1);
    Path report = RunReport.write(dir, dir);
    String html = Files.readString(report);
    Matcher m = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(html);
    int images = 0;
    while (m.find()) {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(1))));
      assertNotNull(image);
      assertEquals(RunReport.WIDTH, image.getWidth());
      images++;
    }
    assertEquals(2, images, "assignment and convergence");
    assertEquals(2, count(html, "<svg "), "the Pareto plot and its zoomed view, inline");
    assertEquals(count(html, "<circle "), count(html, "<title") - 1, "every hover target has a title");
    assertTrue(html.contains("<script>") && html.contains(".axdse-tips circle"), "the tooltip script");
    assertFalse(html.matches("(?s).*(src|href)=\"(?!data:|#).*"), "no external resources");
    assertFalse(html.contains("http://www.w3.org/Graphics/SVG/1.1/DTD"), "no DOCTYPE inside the page");
    Run run = RunDirectory.of(dir).read();
    // The front table has one row per front point; the baseline table one per baseline plus the search.
    assertTrue(count(html, "<tr>") >= run.front().size() + 1 + run.baselines().size() + 1);
    assertTrue(html.contains("<td>uniform</td>") && html.contains("<td>random</td>"));
    assertTrue(html.contains("a &quot;quoted&quot;, comma"), "settings are escaped");
    assertTrue(Files.exists(dir.resolve("plots/pareto.svg")) && Files.exists(dir.resolve("plots/pareto.png")));
    assertTrue(Files.exists(dir.resolve("plots/pareto-zoom.svg"))
        && Files.exists(dir.resolve("plots/pareto-zoom.png")));
  }

  @Test
  void titlesOfARealRunShowNoAbsolutePath() throws Exception {
    Run demo = DemoRun.read();
    assertTrue(demo.config().model().startsWith("/"), "the demo recorded an absolute model path");
    Path out = tmp.resolve("demo-report");
    String html = RunReport.render(demo, "demo", out.resolve("plots"));
    String fileName = Path.of(demo.config().model()).getFileName().toString();
    Matcher h1 = Pattern.compile("<h1>([^<]*)</h1>").matcher(html);
    assertTrue(h1.find());
    assertTrue(h1.group(1).contains(fileName) && !h1.group(1).contains(demo.config().model()), h1.group(1));
    String svgTitle = Files.readString(out.resolve("plots/pareto.svg"));
    assertFalse(svgTitle.contains(demo.config().model()), "the chart title is relative too");
    assertTrue(html.contains("<td>model</td><td>" + demo.config().model() + "</td>"), "the table keeps the full path");
  }

  @Test
  void featuredPointIsCheapestWithinOnePointOfExact() {
    Run run = SyntheticRun.run(2);
    EvaluatedPoint f = RunReport.featured(run);
    double exactAcc = org.axdse.results.plots.ParetoScatterPlot.exactPoint(run).screeningAccuracy();
    assertTrue(f.screeningAccuracy() >= exactAcc - RunReport.FEATURED_ACCURACY_LOSS);
    for (EvaluatedPoint p : run.front()) {
      if (p.screeningAccuracy() >= exactAcc - RunReport.FEATURED_ACCURACY_LOSS) {
        assertTrue(f.multiplierEnergy() <= p.multiplierEnergy());
      }
    }
  }

  @Test
  void compareReportListsEveryRun() throws Exception {
    Path a = writeRun("seed-a", 1);
    Path b = writeRun("seed-b", 2);
    Path report = CompareReport.write(List.of(a, b), tmp.resolve("cmp"));
    String html = Files.readString(report);
    assertTrue(html.contains("<td>seed-a</td>") && html.contains("<td>seed-b</td>"));
    assertEquals(1, count(html, "data:image/png;base64,"), "convergence");
    assertEquals(1, count(html, "<svg "), "the fronts, inline");
    Run ra = RunDirectory.of(a).read();
    Run rb = RunDirectory.of(b).read();
    assertEquals(ra.front().size() + rb.front().size(), count(html, "<circle "), "a target per front point");
    assertTrue(html.contains(": front of seed-a, generation") && html.contains(": front of seed-b, generation"));
  }

  @Test
  void compareRejectsRunsWithDifferentObjectives() {
    Path a = writeRun("a", 1);
    Run other = SyntheticRun.run(2);
    var c = other.config();
    var changed = new org.axdse.results.run.RunConfig(c.seed(), c.model(), c.dataset(), c.objectives().subList(0, 2),
        c.exactMultiplier(), c.multipliers(), c.layers(), c.settings());
    Path b = tmp.resolve("b");
    RunDirectory.of(b).write(new Run(changed, other.points(), other.front(), other.history(), other.baselines(),
        other.timings()));
    BadInputException e = assertThrows(BadInputException.class, () -> CompareReport.write(List.of(a, b), tmp));
    assertTrue(e.getMessage().startsWith(b.resolve("run.json") + ": objectives"), e.getMessage());
  }

  @Test
  void commandWritesReportsAndRejectsBadArguments() {
    Path a = writeRun("a", 1);
    Path b = writeRun("b", 3);
    CommandLine cl = new CommandLine(new ReportCommand());
    cl.setOut(new java.io.PrintWriter(new java.io.StringWriter()));
    cl.setErr(new java.io.PrintWriter(new java.io.StringWriter()));
    assertEquals(0, cl.execute(a.toString()));
    assertTrue(Files.exists(a.resolve("report.html")));
    assertEquals(0, cl.execute("--compare", a.toString(), b.toString(), "--out", tmp.resolve("c").toString()));
    assertTrue(Files.exists(tmp.resolve("c/report.html")));
    assertEquals(2, cl.execute(a.toString(), b.toString()), "two runs without --compare");
    assertEquals(2, cl.execute("--compare", a.toString(), b.toString()), "--compare without --out");
  }
}
