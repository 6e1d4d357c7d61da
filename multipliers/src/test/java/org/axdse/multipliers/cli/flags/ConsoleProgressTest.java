package org.axdse.multipliers.cli.flags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.axdse.multipliers.util.ProgressListener;
import org.junit.jupiter.api.Test;

/** Plain progress lines on a stderr that is not a terminal, driven by a fake clock (no timing in the test). */
class ConsoleProgressTest {
  long now;

  List<String> run(double everySeconds, long... stepsAndSeconds) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ConsoleProgress p = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false,
        everySeconds, () -> now);
    try (ProgressListener.Task t = p.start("evaluate", 1000, "images")) {
      for (int i = 0; i < stepsAndSeconds.length; i += 2) {
        now += stepsAndSeconds[i + 1] * 1_000_000_000L;
        t.advance(stepsAndSeconds[i]);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void aLineAtStartEveryPeriodAndAtTheEnd() {
    // steps of 250 images at t = 4, 8, 12, 16 s with a line every 5 s: the step at 8 s is 8 s after the start
    // line (line), the one at 12 s only 4 s after that (none), the last one completes the task (end line only)
    List<String> lines = run(5, 250, 4, 250, 4, 250, 4, 250, 4);
    assertEquals("evaluate: 1,000 images...", lines.get(0));
    assertEquals(3, lines.size(), String.join("\n", lines));
    // 500 images in 8 s = 62.5 images/s; 500 left at that rate = 8 s
    assertEquals("evaluate: 500/1,000 images (50%), 62.5 images/s, ETA 00:00:08", lines.get(1));
    assertEquals("evaluate: 1,000/1,000 images in 16.0 s", lines.get(2));
  }

  @Test
  void periodZeroPrintsEveryStepBeforeTheLast() {
    List<String> lines = run(0, 100, 1, 100, 1, 800, 1);
    // start, two intermediate steps, end: the third step finishes the task and only the end line is printed
    assertEquals(4, lines.size(), String.join("\n", lines));
    assertTrue(lines.get(2).startsWith("evaluate: 200/1,000 images (20%), 100.0 images/s"), lines.get(2));
  }

  @Test
  void etaClockFormat() {
    // 3725 s = 1 h 2 min 5 s
    assertEquals("01:02:05", ConsoleProgress.clock(3725));
  }

  @Test
  void terminalModeDrawsABarWithTheTaskName() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ConsoleProgress p = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), true, 5);
    try (ProgressListener.Task t = p.start("evaluate", 10, "images")) {
      t.advance(10);
    }
    String drawn = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(drawn.contains("evaluate") && drawn.contains("\r"), drawn);
    assertTrue(drawn.lines().noneMatch(l -> l.startsWith("evaluate: ")), "no plain lines on a terminal: " + drawn);
  }
}
