package org.axdse.results.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axdse.results.run.RunDirectory;
import org.axdse.results.run.SyntheticRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders a report in headless Chromium and checks that every embedded image decoded (naturalWidth > 0) and every
 * inline SVG was laid out. A copy of the report gets a probe script that, on load, writes each image's
 * naturalWidth and each SVG's width into the DOM, which
 * {@code --dump-dom} then prints. Without Chromium the test is skipped locally and fails under CI=true.
 */
class ReportRenderIT {
  @TempDir Path tmp;

  private static final String PROBE = "<script>window.addEventListener('load', function () {"
      + " var out = document.createElement('pre'); out.id = 'probe';"
      + " out.textContent = Array.from(document.images).map(function (i) { return 'naturalWidth=' + i.naturalWidth;"
      + " }).join(' ') + ' ' + Array.from(document.querySelectorAll('figure svg')).map(function (v) {"
      + " return 'svgWidth=' + Math.round(v.getBoundingClientRect().width); }).join(' ');"
      + " document.body.appendChild(out); });</script>";

  @Test
  void everyImageLoadsInChromium() throws Exception {
    String browser = Chromium.require();
    Path dir = tmp.resolve("run");
    RunDirectory.of(dir).write(SyntheticRun.run(7));
    String html = Files.readString(RunReport.write(dir, dir));
    int expected = html.split("<img ", -1).length - 1;
    assertTrue(expected >= 2);
    int svgs = html.split("<svg ", -1).length - 1;
    assertTrue(svgs >= 2, "the Pareto plot and its zoom are inline SVG");
    Path probed = tmp.resolve("probed.html");
    Files.writeString(probed, html.replace("</body>", PROBE + "</body>"));

    List<String> cmd = Chromium.command(browser, tmp.resolve("profile"));
    cmd.addAll(List.of("--virtual-time-budget=5000", "--dump-dom", probed.toUri().toString()));
    Process p = new ProcessBuilder(cmd).redirectError(tmp.resolve("chromium.err").toFile()).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium did not finish");
    String dom = new String(out, StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("naturalWidth=(\\d+)").matcher(dom);
    List<Integer> widths = new ArrayList<>();
    while (m.find()) {
      widths.add(Integer.parseInt(m.group(1)));
    }
    assertEquals(expected, widths.size(), "probe output missing; chromium stderr: "
        + Files.readString(tmp.resolve("chromium.err")));
    for (int w : widths) {
      assertEquals(RunReport.WIDTH, w, "an image did not decode: " + widths);
    }
    Matcher svg = Pattern.compile("svgWidth=(\\d+)").matcher(dom);
    int rendered = 0;
    while (svg.find()) {
      assertTrue(Integer.parseInt(svg.group(1)) > 0, "an inline SVG has no width");
      rendered++;
    }
    assertEquals(svgs, rendered, "every inline SVG is laid out");
  }
}
