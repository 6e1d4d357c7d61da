package org.axdse.results.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.axdse.results.run.DemoRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the report of a real run (the checked-in demo run) in headless Chromium, moves the pointer over a front
 * point through the DevTools protocol, and checks on a screenshot that the tooltip box appeared there with the
 * point's text, and that it goes away when the pointer leaves. The screenshots are kept in
 * {@code target/screenshots/} for a person to look at. Skipped loudly without Chromium, except under CI=true.
 */
class ReportTooltipIT {
  /** The tooltip's background, {@code #fffbe6} in {@link TooltipScript#STYLE}. */
  private static final int BOX_RGB = 0xfffbe6;
  /** The first front point of the full plot that no other target covers, scrolled into view. */
  private static final String TARGET = "(() => { for (const c of document.querySelectorAll('.axdse-tips circle.front'))"
      + " { c.scrollIntoView({block: 'center'}); const r = c.getBoundingClientRect();"
      + " const x = r.left + r.width / 2, y = r.top + r.height / 2;"
      + " if (document.elementFromPoint(x, y) === c) { return {x: x, y: y, tip: c.getAttribute('data-tip'),"
      + " titles: c.querySelectorAll('title').length}; } } return null; })()";
  private static final String BOX = "(() => { const b = document.getElementById('" + TooltipScript.BOX_ID + "');"
      + " const r = b.getBoundingClientRect(); return {display: getComputedStyle(b).display, text: b.textContent,"
      + " left: r.left, top: r.top, width: r.width, height: r.height, scale: window.devicePixelRatio}; })()";

  @TempDir Path tmp;

  @Test
  void tooltipAppearsWhenThePointerIsOverAPoint() throws Exception {
    String browser = Chromium.require();
    Path report = RunReport.write(DemoRun.dir(), tmp.resolve("report"));
    Path shots = Files.createDirectories(Path.of("target", "screenshots"));
    try (DevTools page = DevTools.launch(browser, tmp.resolve("profile"), tmp.resolve("chromium.log"), 1200, 900)) {
      page.call("Page.navigate", Map.of("url", report.toUri().toString()));
      page.await("document.readyState === 'complete' && document.getElementById('" + TooltipScript.BOX_ID
          + "') !== null");
      JsonNode point = page.evaluate(TARGET);
      assertTrue(point.isObject(), "no front point is uncovered");
      String tip = point.path("tip").asText();
      assertTrue(tip.startsWith("point ") && tip.contains(": front, generation "), tip);
      assertEquals(0, point.path("titles").asInt(), "the script moved the title, so no native tooltip doubles it");
      byte[] before = page.screenshot();

      page.moveMouse(point.path("x").asDouble(), point.path("y").asDouble());
      JsonNode box = page.evaluate(BOX);
      byte[] after = page.screenshot();
      Files.write(shots.resolve("tooltip-before.png"), before);
      Files.write(shots.resolve("tooltip-after.png"), after);
      assertEquals("block", box.path("display").asText());
      assertEquals(tip, box.path("text").asText());
      assertTrue(box.path("width").asDouble() > 50 && box.path("height").asDouble() > 50, box.toString());
      // On the screenshot the box's area is mostly the tooltip's background after the move and not before.
      double shown = share(after, box);
      double hidden = share(before, box);
      assertTrue(shown > 0.4, "tooltip background covers " + shown + " of its box after the move");
      assertTrue(hidden < 0.05, "tooltip background covers " + hidden + " of its box before the move");

      page.moveMouse(1, 1);
      assertEquals("none", page.evaluate(BOX).path("display").asText(), "the tooltip hides when the pointer leaves");
    }
  }

  /** The share of the box's pixels that have the tooltip's background colour. */
  private static double share(byte[] png, JsonNode box) throws Exception {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertNotNull(image);
    double s = box.path("scale").asDouble(1);
    int x0 = (int) Math.ceil(box.path("left").asDouble() * s);
    int y0 = (int) Math.ceil(box.path("top").asDouble() * s);
    int x1 = Math.min(image.getWidth(), (int) ((box.path("left").asDouble() + box.path("width").asDouble()) * s));
    int y1 = Math.min(image.getHeight(), (int) ((box.path("top").asDouble() + box.path("height").asDouble()) * s));
    int match = 0;
    int all = 0;
    for (int y = Math.max(0, y0); y < y1; y++) {
      for (int x = Math.max(0, x0); x < x1; x++) {
        all++;
        if ((image.getRGB(x, y) & 0xffffff) == BOX_RGB) {
          match++;
        }
      }
    }
    assertTrue(all > 0, "the box is outside the screenshot: " + box);
    return (double) match / all;
  }
}
