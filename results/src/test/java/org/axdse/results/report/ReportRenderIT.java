package org.axdse.results.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders a report in headless Chromium and checks that every embedded image decoded (naturalWidth > 0). A copy
 * of the report gets a probe script that, on load, writes each image's naturalWidth into the DOM, which
 * {@code --dump-dom} then prints. Without Chromium the test is skipped locally and fails under CI=true.
 */
class ReportRenderIT {
  @TempDir Path tmp;

  private static final String PROBE = "<script>window.addEventListener('load', function () {"
      + " var out = document.createElement('pre'); out.id = 'probe';"
      + " out.textContent = Array.from(document.images).map(function (i) { return 'naturalWidth=' + i.naturalWidth;"
      + " }).join(' '); document.body.appendChild(out); });</script>";

  private static String chromium() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
        Path p = Path.of(dir, name);
        if (Files.isExecutable(p)) {
          return p.toString();
        }
      }
    }
    return null;
  }

  @Test
  void everyImageLoadsInChromium() throws Exception {
    String browser = chromium();
    if (browser == null) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("chromium is not installed (run scripts/setup); CI must not skip this test");
      }
      Assumptions.abort("chromium is not installed");
    }
    Path dir = tmp.resolve("run");
    RunDirectory.of(dir).write(SyntheticRun.run(7));
    String html = Files.readString(RunReport.write(dir, dir));
    int expected = html.split("<img ", -1).length - 1;
    assertTrue(expected >= 3);
    Path probed = tmp.resolve("probed.html");
    Files.writeString(probed, html.replace("</body>", PROBE + "</body>"));

    List<String> cmd = new ArrayList<>(List.of(browser, "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + tmp.resolve("profile"),
        "--virtual-time-budget=5000", "--dump-dom", probed.toUri().toString()));
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
  }
}
