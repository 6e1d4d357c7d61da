package org.axdse.explorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.axdse.explorer.search.SyntheticProblem;
import org.axdse.results.run.Run;
import org.axdse.results.run.RunDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code axdse search --format json}: progress lines go to the console stream, one JSON summary to stdout. */
class SearchOutputTest {
  @TempDir Path tmp;

  @Test
  void progressOnTheConsoleAndAJsonSummaryOnStdout() throws Exception {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    CommandLine cl = new CommandLine(new SearchCommand(new SyntheticProblem(),
        new PrintStream(console, true, StandardCharsets.UTF_8)));
    StringWriter out = new StringWriter();
    cl.setOut(new PrintWriter(out));
    Path dir = tmp.resolve("run");
    assertEquals(0, cl.execute("--model", "synthetic:layers=4,channels=3", "--data", "d", "--out", dir.toString(),
        "--generations", "2", "--population", "8", "--threads", "2", "--format", "json"));
    JsonNode summary = new ObjectMapper().readTree(out.toString());
    Run run = RunDirectory.of(dir).read();
    assertEquals("complete", summary.get("outcome").asText());
    assertEquals(dir.toAbsolutePath().normalize().toString(), summary.get("run").asText());
    assertEquals(run.points().size(), summary.get("points").asInt());
    assertEquals(run.front().size(), summary.get("front").asInt());
    String progress = console.toString(StandardCharsets.UTF_8);
    assertTrue(progress.contains("generation 2/2: "), progress);
    assertTrue(!out.toString().contains("generation"), "no progress on stdout: " + out);
  }

  @Test
  void quietPrintsNoProgressButStillLogsTheRun() throws Exception {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    CommandLine cl = new CommandLine(new SearchCommand(new SyntheticProblem(),
        new PrintStream(console, true, StandardCharsets.UTF_8)));
    cl.setOut(new PrintWriter(new StringWriter()));
    Path dir = tmp.resolve("quiet");
    assertEquals(0, cl.execute("--model", "synthetic:layers=4,channels=3", "--data", "d", "--out", dir.toString(),
        "--generations", "2", "--population", "8", "--threads", "2", "--quiet"));
    assertEquals("", console.toString(StandardCharsets.UTF_8), "nothing on the console");
    String log = java.nio.file.Files.readString(dir.resolve("search.log"));
    assertTrue(log.contains("generation 2/2: "), "the run's search.log keeps the generation lines: " + log);
  }
}
