package org.axdse.explorer.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The search's progress: plain lines off a terminal, the progress-bar library's bar on one. */
class ProgressTest {
  private static String drive(boolean terminal) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Progress p = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), terminal);
    p.info("starting");
    p.generation(1, 4, 16, 8.0, 2, 0.5, 6);
    p.evaluating(20, 3);
    p.generation(2, 4, 32, 8.0, 4, 0.625, 4);
    p.done();
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void plainLinesOnePerGeneration() {
    String text = drive(false);
    assertEquals(3, text.lines().count(), text);
    assertEquals("generation 2/4: 32 evaluations (8.00/s), 4 cache hits, HV 0.625000, ETA 00:00:04",
        text.lines().toList().get(2));
  }

  @Test
  void aBarRedrawnInPlaceOnATerminal() {
    String text = drive(true);
    assertTrue(text.startsWith("starting"), text);
    assertTrue(text.contains("\r") && text.contains("search") && text.contains("HV 0.6250"), text);
    assertTrue(text.lines().noneMatch(l -> l.startsWith("generation ")), "no plain lines: " + text);
  }
}
